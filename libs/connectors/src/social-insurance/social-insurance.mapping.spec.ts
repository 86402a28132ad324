import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGbkCsv } from '../common';
import { issueResidents } from '../testing/issue-household';
import { residentSnapshot } from '../testing/snapshots';
import {
  fromInsuranceRow,
  rowRefusal,
  slashDate,
  toInsurancePerson,
  toUploadRow,
} from './social-insurance.mapping';
import { UPLOAD_HEADERS } from './social-insurance.types';

describe(toUploadRow.name, () => {
  it('fills exactly the department’s columns', () => {
    const sut = toUploadRow({ ...issueResidents.spouse, pensionStatus: 'paying' }, null, false);
    expect(Object.keys(sut).sort()).toEqual([...UPLOAD_HEADERS].sort());
    expect(sut).toEqual({
      个人编号: '',
      公民身份号码: '32040219900201022X',
      姓名: '李秀英',
      性别: '女',
      出生日期: '1990/2/1',
      户籍性质: '居民',
      参保状态: '参保缴费',
      联系电话: '13812345678',
      户籍地址: '江苏省常州市天宁区青龙街道青龙苑3幢2单元501室',
      操作: '新增',
    });
  });

  it.each([
    [null, false, '新增'],
    ['32040200000123', false, '变更'],
    ['32040200000123', true, '终止'],
    [null, true, '终止'],
  ])('个人编号 %s, end %s → 操作 %s', (personNo, end, operation) => {
    expect(toUploadRow(issueResidents.head, personNo, end).操作).toBe(operation);
  });

  it('writes 终止参保 on a 终止 row, also for someone who joined employee insurance', () => {
    const sut = toUploadRow({ ...issueResidents.head, pensionStatus: 'employee' }, '32040200000123', true);
    expect(sut).toMatchObject({ 参保状态: '终止参保', 操作: '终止' });
  });

  it.each([
    ['paying', '参保缴费'],
    ['suspended', '暂停缴费'],
    ['terminated', '终止参保'],
    ['receiving', '待遇领取'],
    ['none', ''],
    [null, ''],
  ])('参保状态 of %s is %s (blank: the department decides enrolment)', (pensionStatus, expected) => {
    expect(toInsurancePerson(residentSnapshot({ pensionStatus })).参保状态).toBe(expected);
  });

  it('writes 户籍性质 居民 for registered and floating residents (one 户口 since 2014)', () => {
    expect(toInsurancePerson(residentSnapshot({ registrationType: 'floating' })).户籍性质).toBe('居民');
    expect(() => toInsurancePerson(residentSnapshot({ registrationType: 'overseas' }))).toThrow(
      expect.objectContaining({ kind: 'refused' }),
    );
  });

  it('writes dates as yyyy/M/d', () => {
    expect(slashDate('2006-03-01')).toBe('2006/3/1');
    expect(slashDate('1990-12-31')).toBe('1990/12/31');
  });
});

describe(rowRefusal.name, () => {
  it('refuses a row GBK cannot hold, and one without an ID number', () => {
    expect(rowRefusal(toUploadRow(residentSnapshot({ name: '王𠀀' }), null, false))).toMatchObject({
      kind: 'refused',
      message: '姓名含有系统无法录入的字符（未发送）',
    });
    expect(rowRefusal(toUploadRow(residentSnapshot({ idNumber: null }), null, false))).toMatchObject({
      kind: 'refused',
    });
    expect(rowRefusal(toUploadRow(residentSnapshot(), null, false))).toBeUndefined();
  });
});

describe(fromInsuranceRow.name, () => {
  it('reads the pension status from the GBK export', () => {
    const [row] = readGbkCsv(readFileSync(join(__dirname, 'fixtures/ok/export.csv')));
    expect(fromInsuranceRow(row, '2025-09-01T00:00:00.000Z')).toEqual({
      externalId: '32040200000123',
      idNumber: '32040219900201022X',
      fields: { pensionStatus: 'paying' },
      changedAt: '2025-09-01T00:00:00.000Z',
    });
  });
});
