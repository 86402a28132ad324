import { toSourcePersons as sut } from './aging-services';

const elder = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  elderId: 'EL0000000123',
  name: '王建国',
  idCard: '320402630510013',
  gender: 'M',
  birthDate: '1963-05-10',
  phone: '13812345678',
  address: '常州市天宁区青龙街道青龙苑3幢2单元501室',
  livingStatus: 'with_spouse',
  allowanceLevel: 'none',
  emergencyContact: { name: '王小明', phone: '13961100002' },
  status: 'active',
  ...overrides,
});

describe('aging-services toSourcePersons', () => {
  it('reads a legacy record: 15-digit number upgraded, M as male', () => {
    expect(sut(elder())).toEqual([
      expect.objectContaining({
        system: 'aging-services',
        recordId: 'EL0000000123',
        idNumberRaw: '320402630510013',
        idNumber: '320402196305100130',
        idValid: true,
        name: '王建国',
        gender: '1',
        birthDate: '1963-05-10',
        phone: '13812345678',
        attributes: {
          livingStatus: 'with_spouse',
          lifeStatus: 'alive',
          residenceStatus: 'present',
          status: 'active',
        },
      }),
    ]);
  });

  it('never takes the emergency contact’s phone for the elder’s', () => {
    const [person] = sut(elder({ phone: null }));

    expect(person.phone).toBeNull();
  });

  it.each([
    ['deceased', { lifeStatus: 'deceased', status: 'ended' }],
    ['moved', { residenceStatus: 'moved_out', status: 'ended' }],
    ['archived', { lifeStatus: null, residenceStatus: null, status: null }],
  ])('reads the status %j', (status, attributes) => {
    const [person] = sut(elder({ status }));

    expect(person.attributes).toMatchObject(attributes);
  });

  it('reads a stale landline and an old-style address', () => {
    const [person] = sut(
      elder({ phone: '0519-6612345', address: '常州市钟楼区西林街道广化新村3栋2单元501', gender: 'F' }),
    );

    expect(person).toMatchObject({ phone: '05196612345', gender: '2' });
    expect(person.address).toMatchObject({
      district: '钟楼区',
      street: '西林街道',
      estate: '广化新村',
      room: '501',
    });
  });

  it('drops a living status the hub has no code for', () => {
    const [person] = sut(elder({ livingStatus: 'with_nephew' }));

    expect(person.attributes.livingStatus).toBeNull();
  });
});
