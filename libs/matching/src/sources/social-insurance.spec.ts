import { toSourcePersons as sut } from './social-insurance';

/** A row of `/batch/export` as `readGbkCsv` gives it. */
const row = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  个人编号: '32040200000123',
  公民身份号码: '32040219900201022X',
  姓名: '李秀英',
  性别: '女',
  出生日期: '1990/2/1',
  户籍性质: '非农业',
  参保状态: '参保缴费',
  联系电话: '13812345678',
  户籍地址: '江苏省常州市天宁区青龙街道青龙苑3幢2单元501室',
  ...overrides,
});

describe('social-insurance toSourcePersons', () => {
  it('reads a row: 男/女, yyyy/M/d, the registered address as the only address', () => {
    const [person] = sut(row());

    expect(person).toMatchObject({
      system: 'social-insurance',
      recordId: '32040200000123',
      idNumber: '32040219900201022X',
      name: '李秀英',
      gender: '2',
      birthDate: '1990-02-01',
      phone: '13812345678',
      address: { district: '天宁区', street: '青龙街道', estate: '青龙苑', room: '501' },
    });
    expect(person.attributes).toEqual({
      registeredAddress: '江苏省常州市天宁区青龙街道青龙苑3幢2单元501室',
      pensionStatus: 'paying',
      status: 'active',
    });
  });

  it.each([
    ['暂停缴费', 'suspended', 'active'],
    ['待遇领取', 'receiving', 'active'],
    ['终止参保', 'terminated', 'ended'],
    ['', null, null],
  ])('reads 参保状态 %j as %j (%j in the system)', (word, pensionStatus, status) => {
    expect(sut(row({ 参保状态: word }))[0].attributes).toMatchObject({ pensionStatus, status });
  });

  it('reads a row with a blank phone and a rural registered address', () => {
    const [person] = sut(row({ 联系电话: '', 户籍地址: '江苏省常州市武进区湖塘镇长安路7号', 性别: '男' }));

    expect(person).toMatchObject({ phone: null, gender: '1' });
    expect(person.address).toMatchObject({ district: '武进区', street: '湖塘镇', estate: '长安路7号' });
  });
});
