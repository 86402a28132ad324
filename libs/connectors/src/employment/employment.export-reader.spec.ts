import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGbkCsv } from '../common';
import { issueResidents, ISSUE_DAY } from '../testing/issue-household';
import { createEmploymentConnector } from './employment.connector';
import { employmentExportReader as sut } from './employment.export-reader';

/** Rows as exportAll yields them: the GBK export read by the same reader. */
const [spouseRow, sonRow] = readGbkCsv(readFileSync(join(__dirname, 'fixtures/ok/export-jyry.csv')));

/** The reconciler's rule: keys both sides carry, compared as trimmed text. */
function differences(mapped: Record<string, unknown>, comparable: Record<string, unknown>): string[] {
  const text = (value: unknown) => String(value ?? '').trim();
  return Object.keys(mapped)
    .filter((key) => key in comparable)
    .filter((key) => text(mapped[key]) !== text(comparable[key]));
}

const connector = createEmploymentConnector({ baseUrl: 'http://127.0.0.1:1', username: 'u', password: 'p' });
const spouse = { ...issueResidents.spouse, employmentStatus: '3' };
const son = { ...issueResidents.son, employmentStatus: '2' };

describe('employmentExportReader', () => {
  it('is the connector’s export reader', () => {
    expect(connector.exportReader).toBe(sut);
  });

  it('reads back what map() sends, on every key the form carries', () => {
    const mapped = connector.map(spouse, ISSUE_DAY);
    const comparable = sut.comparable(spouseRow);
    expect(differences(mapped, comparable)).toEqual([]);
    expect(Object.keys(comparable).sort()).toEqual(Object.keys(mapped).sort());
    expect(comparable).not.toHaveProperty('jyrybh');
  });

  it('normalises the ID numbers typed with a lower-case x or full-width digits', () => {
    expect(sut.comparable(spouseRow).sfzhm).toBe('32040219900201022X');
    expect(differences(connector.map(son, ISSUE_DAY), sut.comparable(sonRow))).toEqual([]);
  });

  it('shows a changed phone, a corrected name and a new status as differences', () => {
    const changed = { ...spouse, phone: '13900001111', name: '李秀莹', employmentStatus: '1' };
    expect(differences(connector.map(changed, ISSUE_DAY), sut.comparable(spouseRow)).sort()).toEqual(
      ['jyzt', 'lxdh', 'xm'].sort(),
    );
  });

  it('shows a phone the department lacks as a difference, and none where the hub lacks it', () => {
    const blank = sut.comparable({ ...spouseRow, 联系电话: '' });
    expect(differences(connector.map(spouse, ISSUE_DAY), blank)).toEqual(['lxdh']);
    expect(differences(connector.map({ ...spouse, phone: null }, ISSUE_DAY), blank)).toEqual([]);
  });

  it('identifies rows by own id and normalised ID number; every exported row is current', () => {
    expect(sut.identify(spouseRow)).toEqual({
      externalId: 'JY3204020000011',
      idNumber: '32040219900201022X',
      active: true,
    });
    expect(sut.identify(sonRow)).toEqual({
      externalId: 'JY3204020000012',
      idNumber: issueResidents.son.idNumber,
      active: true,
    });
  });
});
