import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGbkCsv } from '../common';
import { issueResidents, ISSUE_DAY } from '../testing/issue-household';
import { residentSnapshot } from '../testing/snapshots';
import { createSocialInsuranceConnector } from './social-insurance.connector';
import { socialInsuranceExportReader as sut } from './social-insurance.export-reader';

/** Rows as exportAll yields them: the GBK roster read by the same reader. */
const [spouseRow, headRow, endedRow] = readGbkCsv(
  readFileSync(join(__dirname, 'fixtures/ok/export-roster.csv')),
);

/** The reconciler's rule: keys both sides carry, compared as trimmed text. */
function differences(mapped: Record<string, unknown>, comparable: Record<string, unknown>): string[] {
  const text = (value: unknown) => String(value ?? '').trim();
  return Object.keys(mapped)
    .filter((key) => key in comparable)
    .filter((key) => text(mapped[key]) !== text(comparable[key]));
}

const connector = createSocialInsuranceConnector({
  baseUrl: 'http://127.0.0.1:1',
  username: 'u',
  password: 'p',
});
const spouse = { ...issueResidents.spouse, pensionStatus: 'paying' };
const head = { ...issueResidents.head, pensionStatus: 'receiving' };

describe('socialInsuranceExportReader', () => {
  it('is the connector’s export reader', () => {
    expect(connector.exportReader).toBe(sut);
  });

  it('reads back what map() sends, on every column, `yyyy/M/d` dates included', () => {
    const mapped = connector.map(head, ISSUE_DAY);
    const comparable = sut.comparable(headRow);
    expect(differences(mapped, comparable)).toEqual([]);
    expect(Object.keys(comparable).sort()).toEqual(Object.keys(mapped).sort());
    expect(comparable).not.toHaveProperty('个人编号');
  });

  it('reads a pre-2014 `非农业` as the `居民` the hub sends, not as a difference', () => {
    expect(sut.comparable(spouseRow).户籍性质).toBe('居民');
    expect(differences(connector.map(spouse, ISSUE_DAY), sut.comparable(spouseRow))).toEqual([]);
  });

  it('reads a zero-padded date as the same date', () => {
    expect(sut.comparable({ ...headRow, 出生日期: '1963/05/10' }).出生日期).toBe('1963/5/10');
  });

  it('shows a changed phone, a corrected name and a stale status as differences', () => {
    const changed = { ...head, phone: '13900001111', name: '王建华', pensionStatus: 'suspended' };
    expect(differences(connector.map(changed, ISSUE_DAY), sut.comparable(headRow)).sort()).toEqual(
      ['姓名', '联系电话', '参保状态'].sort(),
    );
  });

  it('identifies a current and an ended (终止参保) person', () => {
    expect(sut.identify(headRow)).toEqual({
      externalId: '32040200000124',
      idNumber: issueResidents.head.idNumber,
      active: true,
    });
    expect(sut.identify(endedRow)).toEqual({
      externalId: '32040200000097',
      idNumber: residentSnapshot().idNumber,
      active: false,
    });
  });
});
