import { toSourcePersons as sut } from './militia-conscription';

/** A roster line as `readRoster` gives it: every cell as text, keyed by the row-2 headers. */
const line = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  序号: '1',
  姓名: '王小明',
  公民身份号码: '320402200603010319',
  出生年月: '2006.03',
  文化程度: '高中',
  政治面貌: '群众',
  联系电话: '13812345678',
  户籍地: '江苏省常州市天宁区青龙街道青龙苑3幢2单元501室',
  现居住地: '常州市天宁区青龙街道青龙苑3幢2单元501室',
  登记类型: '初次登记',
  ...overrides,
});

describe('militia-conscription toSourcePersons', () => {
  it('reads a roster line, keyed by the ID number as written', () => {
    const [person] = sut(line({ 公民身份号码: ' 32040220060301031x ' }));

    expect(person).toMatchObject({
      system: 'militia-conscription',
      recordId: '32040220060301031x',
      idNumberRaw: '32040220060301031x',
      idNumber: '32040220060301031X',
      name: '王小明',
      gender: '1',
      birthDate: '2006-03-00',
      phone: '13812345678',
      address: { district: '天宁区', estate: '青龙苑', building: '3', unit: '2', room: '501' },
    });
    expect(person.attributes).toEqual({
      registeredAddress: '江苏省常州市天宁区青龙街道青龙苑3幢2单元501室',
      education: '60',
      politicalStatus: '13',
      status: 'active',
    });
  });

  it.each([
    ['2005.10', '2005-10-00'],
    ['2005.1', '2005-10-00'],
    [2005.1, '2005-10-00'],
    ['2005.01', '2005-01-00'],
    ['2005-03-01', '2005-03-00'],
    ['2005年3月', '2005-03-00'],
    ['不详', null],
  ])('reads 出生年月 %j as %j', (written, birthDate) => {
    expect(sut(line({ 出生年月: written }))[0].birthDate).toBe(birthDate);
  });

  it.each([
    ['大学本科', '共青团员', '20', '03'],
    ['普通高中', '中共党员', '60', '01'],
    ['大专', '中共预备党员', '30', '02'],
    ['硕士', '民盟盟员', '14', '05'],
    ['初中', '民主党派成员', '70', null],
    ['', '', null, null],
  ])(
    'reads %j and %j as education %j and political status %j',
    (education, political, code, politicalCode) => {
      expect(sut(line({ 文化程度: education, 政治面貌: political }))[0].attributes).toMatchObject({
        education: code,
        politicalStatus: politicalCode,
      });
    },
  );

  it('reads a 注销登记 line as ended and falls back to the registered address', () => {
    const [person] = sut(line({ 登记类型: '注销登记', 现居住地: '' }));

    expect(person.attributes.status).toBe('ended');
    expect(person.address?.text).toBe('江苏省常州市天宁区青龙街道青龙苑3幢2单元501室');
  });
});
