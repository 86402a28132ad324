import { toSourcePersons as sut } from './civil-assistance';

const household = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  householdNo: 'MZ320402000123',
  headName: '王建国',
  headIdCard: '320402630510013',
  address: '常州市天宁区青龙街道青龙苑3幢2单元501室',
  assistanceType: 'dibao',
  monthlyAmount: 1260.5,
  approvedOn: '2025-06-01',
  status: 'active',
  members: [
    { name: '王建国', idCard: '320402630510013', gender: '男', relation: '户主' },
    { name: '李秀英', idCard: '32040219900201022x', gender: '女', relation: '妻子' },
    { name: '王小明', idCard: '320402200603010319', gender: '男', relation: '儿子' },
    { name: '王小丽', gender: '女', relation: '女' },
  ],
  ...overrides,
});

describe('civil-assistance toSourcePersons', () => {
  it('yields one person per member, the head first, ids numbered from 0', () => {
    const persons = sut(household());

    expect(persons.map((p) => [p.recordId, p.name, p.gender, p.attributes.relation])).toEqual([
      ['MZ320402000123/0', '王建国', '1', '02'],
      ['MZ320402000123/1', '李秀英', '2', '12'],
      ['MZ320402000123/2', '王小明', '1', '20'],
      ['MZ320402000123/3', '王小丽', '2', '30'],
    ]);
  });

  it('normalises ID numbers and leaves a child without one at null', () => {
    const persons = sut(household());

    expect(persons.map((p) => [p.idNumber, p.idValid])).toEqual([
      ['320402196305100130', true],
      ['32040219900201022X', true],
      ['320402200603010319', true],
      [null, false],
    ]);
  });

  it('gives every member the household facts and address', () => {
    const member = sut(household())[3];

    expect(member.attributes).toEqual({
      householdNo: 'MZ320402000123',
      assistanceType: 'dibao',
      assistanceAmount: '1260.50',
      assistanceApprovedOn: '2025-06-01',
      status: 'active',
      relation: '30',
    });
    expect(member.address).toMatchObject({ estate: '青龙苑', building: '3', unit: '2', room: '501' });
    expect(member.birthDate).toBeNull();
    expect(member.phone).toBeNull();
  });

  it.each([
    ['配偶', '10'],
    ['丈夫', '11'],
    ['子', '20'],
    ['女儿', '30'],
    ['孙子', '41'],
    ['父亲', '51'],
    ['母亲', '52'],
    ['兄弟', '70'],
    ['姐妹', '70'],
    ['儿媳', '38'],
    ['其他', '80'],
    ['隔壁老王', null],
  ])('reads the relation word %j as %j', (relation, code) => {
    const [member] = sut(household({ members: [{ name: '某人', relation }] }));

    expect(member.attributes.relation).toBe(code);
  });

  it('still yields the head of a document that lists no members', () => {
    const persons = sut(household({ members: undefined, status: 'ended', monthlyAmount: '1404' }));

    expect(persons).toHaveLength(1);
    expect(persons[0]).toMatchObject({
      recordId: 'MZ320402000123/0',
      name: '王建国',
      idNumber: '320402196305100130',
    });
    expect(persons[0].attributes).toMatchObject({
      relation: '02',
      status: 'ended',
      assistanceAmount: '1404.00',
    });
  });

  it('reads unknown assistance types, amounts and statuses as null', () => {
    const [head] = sut(household({ assistanceType: 'welfare', monthlyAmount: 'abc', status: 'paused' }));

    expect(head.attributes).toMatchObject({ assistanceType: null, assistanceAmount: null, status: null });
  });
});
