import { toSourcePersons as sut } from './grid-governance';

const person = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  personId: '3f9a1c0e5b7d4e2a8c6f1b0d9e7a5c31',
  gridCode: '320402002001001',
  name: '王建国',
  idNo: '320402196305100130',
  sex: '男',
  birthday: '1963-05-10',
  nation: '汉族',
  phone: '13812345678',
  houseAddress: '青龙苑3-2-501',
  personType: '户籍',
  focusTags: ['低保户', '退役军人', '残疾人', '空巢老人'],
  status: 'normal',
  ...overrides,
});

describe('grid-governance toSourcePersons', () => {
  it('reads a person, the district from the grid code', () => {
    expect(sut(person())).toEqual([
      {
        system: 'grid-governance',
        recordId: '3f9a1c0e5b7d4e2a8c6f1b0d9e7a5c31',
        idNumberRaw: '320402196305100130',
        idNumber: '320402196305100130',
        idValid: true,
        name: '王建国',
        gender: '1',
        birthDate: '1963-05-10',
        phone: '13812345678',
        address: {
          district: '天宁区',
          street: null,
          estate: '青龙苑',
          building: '3',
          unit: '2',
          room: '501',
          text: '青龙苑3-2-501',
        },
        attributes: {
          ethnicity: '01',
          registrationType: 'registered',
          communityCode: '320402002001',
          gridCode: '320402002001001',
          livingStatus: 'with_spouse',
          lifeStatus: 'alive',
          residenceStatus: 'present',
          status: 'active',
        },
      },
    ]);
  });

  it('gives the same flat for the two ways grid workers wrote it', () => {
    const [a] = sut(person({ houseAddress: '青龙苑3-2-501' }));
    const [b] = sut(person({ houseAddress: '青龙苑3栋2单元501' }));

    expect(b.address).toEqual({ ...a.address, text: '青龙苑3栋2单元501' });
  });

  it('yields nothing for a house', () => {
    const house = {
      houseId: '5d6e7f8091a2b3c4d5e6f708192a3b4c',
      gridCode: '320402002001001',
      address: '青龙苑3栋2单元501',
      headPersonId: '3f9a1c0e5b7d4e2a8c6f1b0d9e7a5c31',
      memberPersonIds: ['3f9a1c0e5b7d4e2a8c6f1b0d9e7a5c31'],
    };

    expect(sut(house)).toEqual([]);
  });

  it('reads a floating person registered by name and phone only', () => {
    const [floating] = sut(person({ idNo: '', personType: '流动', nation: '回族', focusTags: [] }));

    expect(floating).toMatchObject({
      idNumberRaw: null,
      idNumber: null,
      idValid: false,
      phone: '13812345678',
    });
    expect(floating.attributes).toMatchObject({
      registrationType: 'floating',
      ethnicity: '03',
      livingStatus: null,
    });
  });

  it.each([
    ['left', { residenceStatus: 'moved_out', status: 'ended' }],
    ['deceased', { lifeStatus: 'deceased', status: 'ended' }],
  ])('reads the status %j', (status, attributes) => {
    expect(sut(person({ status }))[0].attributes).toMatchObject(attributes);
  });

  it('reads 独居老人 as living alone, and a malformed grid code as no district', () => {
    const [alone] = sut(person({ focusTags: ['独居老人'], gridCode: '3204' }));

    expect(alone.attributes).toMatchObject({ livingStatus: 'alone', gridCode: null, communityCode: null });
    expect(alone.address?.district).toBeNull();
  });
});
