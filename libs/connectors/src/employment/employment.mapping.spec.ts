import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGbkCsv } from '../common';
import { issueResidents } from '../testing/issue-household';
import { residentSnapshot } from '../testing/snapshots';
import { fromEmploymentRow, refusalOf, toEmploymentForm } from './employment.mapping';
import type { EmploymentExportRow } from './employment.types';

describe(toEmploymentForm.name, () => {
  it('sends exactly the listed fields the hub holds, never pxyx', () => {
    const sut = toEmploymentForm({ ...issueResidents.spouse, employmentStatus: '2', education: '20' });
    expect(Object.keys(sut).sort()).toEqual(
      ['csrq', 'jtzz', 'jyzt', 'lxdh', 'sfzhm', 'whcd', 'xb', 'xm'].sort(),
    );
    expect(sut).toEqual({
      sfzhm: issueResidents.spouse.idNumber,
      xm: '李秀英',
      xb: '2',
      csrq: '1990-02-01',
      whcd: '20',
      jyzt: '2',
      lxdh: '13812345678',
      jtzz: '常州市天宁区青龙街道青龙苑3幢2单元501室',
    });
  });

  it('leaves out unknown values instead of clearing the department’s', () => {
    const sut = toEmploymentForm(residentSnapshot({ education: null, phone: null, currentAddress: null }));
    expect(Object.keys(sut).sort()).toEqual(['csrq', 'sfzhm', 'xb', 'xm']);
  });

  it('takes gender 9 from the ID number', () => {
    expect(toEmploymentForm({ ...issueResidents.spouse, gender: '9' }).xb).toBe('2');
  });
});

describe(refusalOf.name, () => {
  const form = (name: string) => toEmploymentForm(residentSnapshot({ name, employmentStatus: '1' }));

  it('accepts a minority name with the GBK middle dot', () => {
    expect(refusalOf(form('阿依古丽·买买提'))).toBeUndefined();
  });

  it.each([
    ['a name over 10 characters', '阿依古丽·买买提江热汗', '姓名长度不能超过10个字符（未发送）'],
    ['a name with a character outside GBK', '王𠀀', '姓名含有系统无法录入的生僻字（未发送）'],
  ])('refuses %s, as the department would', (_label, name, message) => {
    expect(refusalOf(form(name))).toMatchObject({ kind: 'refused', message });
  });

  it('refuses a record without an employment status (the system requires one)', () => {
    expect(refusalOf({ ...form('王建国'), jyzt: undefined })).toMatchObject({
      kind: 'refused',
      message: '就业状态不能为空（未发送）',
    });
  });

  it('refuses an address GBK cannot hold', () => {
    const sut = { ...form('王建国'), jtzz: '青龙苑•3幢' };
    expect(refusalOf(sut)).toMatchObject({
      kind: 'refused',
      message: '家庭住址含有系统无法录入的字符（未发送）',
    });
  });
});

describe(fromEmploymentRow.name, () => {
  const rows = readGbkCsv(readFileSync(join(__dirname, 'fixtures/ok/export.csv'))) as EmploymentExportRow[];

  it('reads the GBK export with its Chinese headers', () => {
    expect(rows).toHaveLength(2);
    expect(rows[0]['姓名']).toBe('李秀英');
  });

  it('states only the employment status, with the ID number normalised', () => {
    expect(fromEmploymentRow(rows[0], '2025-09-01T02:00:00.000Z')).toEqual({
      externalId: 'JY3204020000001',
      idNumber: '320402199010010022',
      fields: { employmentStatus: '2' },
      changedAt: '2025-09-01T02:00:00.000Z',
    });
    expect(fromEmploymentRow(rows[1], '2025-09-01T02:00:00.000Z').idNumber).toBe('32040219650101001X');
  });
});
