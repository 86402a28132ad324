import { toSourcePersons as sut } from './justice-corrections';

/** A decrypted record of `/api/sqjz/ryxx/list`. */
const record = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  sqjzrybh: 'JZ3204022025000001',
  xm: '王建国',
  sfzh: '320402196403150131',
  xb: '1',
  jzlb: '2',
  jzqxStart: '2025-03-01',
  jzqxEnd: '2027-02-28',
  lxdh: '13812345678',
  jzdz: '常州市天宁区青龙街道青龙苑3-2-501',
  zt: '1',
  ...overrides,
});

describe('justice-corrections toSourcePersons', () => {
  it('reads a person in corrections with type and term', () => {
    const [person] = sut(record());

    expect(person).toMatchObject({
      system: 'justice-corrections',
      recordId: 'JZ3204022025000001',
      idNumber: '320402196403150131',
      name: '王建国',
      gender: '1',
      birthDate: null,
      phone: '13812345678',
      address: { district: '天宁区', estate: '青龙苑', building: '3', unit: '2', room: '501' },
    });
    expect(person.attributes).toEqual({
      correctionsType: '2',
      correctionsStart: '2025-03-01',
      correctionsEnd: '2027-02-28',
      status: 'active',
    });
  });

  it('reads a released person without a phone', () => {
    const [person] = sut(record({ zt: '2', lxdh: undefined, jzdz: '常州市天宁区青龙街道青龙苑5栋1单元302' }));

    expect(person.phone).toBeNull();
    expect(person.attributes.status).toBe('ended');
    expect(person.address).toMatchObject({ building: '5', unit: '1', room: '302' });
  });

  it('reads an unknown correction type and a malformed term as null', () => {
    const [person] = sut(record({ jzlb: '5', jzqxEnd: '2027-02-30', zt: '3' }));

    expect(person.attributes).toMatchObject({ correctionsType: null, correctionsEnd: null, status: null });
  });
});
