import { toSourcePersons as sut } from './police-population';

/** A `<RY>` of QueryRyxx as the soap client hands it over: text values, '' for empty elements. */
const ry = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  RYBH: 'R32040200000001',
  GMSFHM: '320402196305100130',
  XM: '王建国',
  XB: '1',
  MZ: '01',
  CSRQ: '19630510',
  HH: '320402123',
  YHZGX: '02',
  HJDZ: '江苏省常州市天宁区青龙街道青龙苑3幢2单元501室',
  XZZ: '常州市天宁区青龙街道青龙苑3幢2单元501室',
  RYLB: '1',
  LXDH: '13812345678',
  ZT: '0',
  BGSJ: '20250901100312',
  ...overrides,
});

describe('police-population toSourcePersons', () => {
  it('reads a registered resident with everything the police state', () => {
    expect(sut(ry())).toEqual([
      {
        system: 'police-population',
        recordId: 'R32040200000001',
        idNumberRaw: '320402196305100130',
        idNumber: '320402196305100130',
        idValid: true,
        name: '王建国',
        gender: '1',
        birthDate: '1963-05-10',
        phone: '13812345678',
        address: {
          district: '天宁区',
          street: '青龙街道',
          estate: '青龙苑',
          building: '3',
          unit: '2',
          room: '501',
          text: '常州市天宁区青龙街道青龙苑3幢2单元501室',
        },
        attributes: {
          ethnicity: '01',
          householdNo: '320402123',
          relation: '02',
          registeredAddress: '江苏省常州市天宁区青龙街道青龙苑3幢2单元501室',
          registrationType: 'registered',
          lifeStatus: 'alive',
          residenceStatus: 'present',
          status: 'active',
        },
      },
    ]);
  });

  it('upgrades a legacy 15-digit number and keeps it as written', () => {
    const [person] = sut(ry({ GMSFHM: '320402630510013', ZT: '1' }));

    expect(person).toMatchObject({
      idNumberRaw: '320402630510013',
      idNumber: '320402196305100130',
      idValid: true,
    });
    expect(person.attributes).toMatchObject({ lifeStatus: 'deceased', status: 'ended' });
  });

  it('reads a floating person with empty elements as stating nothing', () => {
    const [person] = sut(ry({ HH: '', YHZGX: '', HJDZ: '', LXDH: '', RYLB: '2' }));

    expect(person.phone).toBeNull();
    expect(person.attributes).toMatchObject({
      householdNo: null,
      relation: null,
      registeredAddress: null,
      registrationType: 'floating',
    });
  });

  it('falls back to the registered address when there is no current one', () => {
    const [person] = sut(ry({ XZZ: '', HJDZ: '江苏省常州市天宁区青果巷12号' }));

    expect(person.address).toMatchObject({ district: '天宁区', estate: '青果巷12号' });
  });

  it('pads hand-typed one-digit codes and drops codes not in the standard', () => {
    const [person] = sut(ry({ MZ: '3', YHZGX: '98', ZT: '2' }));

    expect(person.attributes).toMatchObject({
      ethnicity: '03',
      relation: null,
      residenceStatus: 'moved_out',
      status: 'ended',
    });
  });
});
