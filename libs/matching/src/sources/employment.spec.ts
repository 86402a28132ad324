import { toSourcePersons as sut } from './employment';

/** A row of `/jy/export.do` as `readGbkCsv` gives it: decoded, trimmed, keyed by the Chinese headers. */
const row = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  人员编号: 'JY3204020000011',
  身份证号码: '32040219900201022x',
  姓名: '李秀英',
  性别: '2',
  出生日期: '1990-02-01',
  文化程度: '60',
  就业状态: '3',
  联系电话: '13812345678',
  家庭住址: '常州市天宁区青龙街道青龙苑3幢2单元501室',
  ...overrides,
});

describe('employment toSourcePersons', () => {
  it('reads a row keyed by its Chinese headers', () => {
    const [person] = sut(row());

    expect(person).toMatchObject({
      system: 'employment',
      recordId: 'JY3204020000011',
      idNumber: '32040219900201022X',
      idValid: true,
      name: '李秀英',
      gender: '2',
      birthDate: '1990-02-01',
      phone: '13812345678',
      address: { district: '天宁区', estate: '青龙苑', building: '3', unit: '2', room: '501' },
    });
    expect(person.attributes).toEqual({ education: '60', employmentStatus: '3', status: 'active' });
  });

  it('reads an ID number typed with full-width digits', () => {
    const [person] = sut(row({ 身份证号码: '３２０４０２２００６０３０１０３１９' }));

    expect(person).toMatchObject({
      idNumberRaw: '３２０４０２２００６０３０１０３１９',
      idNumber: '320402200603010319',
      idValid: true,
    });
  });

  it('strips the ? a rare character left behind and flags the name as incomplete', () => {
    const [person] = sut(row({ 姓名: '王?国' }));

    expect(person.name).toBe('王国');
    expect(person.attributes.nameIncomplete).toBe('true');
  });

  it('reads an education code whose leading zero a spreadsheet dropped, and drops unknown codes', () => {
    expect(sut(row({ 文化程度: '90', 就业状态: '9' }))[0].attributes).toMatchObject({
      education: '90',
      employmentStatus: null,
    });
    expect(sut(row({ 文化程度: '高中' }))[0].attributes.education).toBeNull();
  });

  it('reads empty cells as nothing stated', () => {
    const [person] = sut(row({ 联系电话: '', 家庭住址: '' }));

    expect(person).toMatchObject({ phone: null, address: null });
  });
});
