import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCitizenId } from '@hub/domain';
import { issueResidents, ISSUE_DAY } from '../testing/issue-household';
import { residentSnapshot } from '../testing/snapshots';
import { createMilitiaConscriptionConnector } from './militia-conscription.connector';
import { birthMonthOf, militiaConscriptionExportReader as sut } from './militia-conscription.export-reader';
import { readRoster } from './militia-conscription.roster';

/** The reconciler's rule: keys both sides carry, compared as trimmed text. */
function differences(mapped: Record<string, unknown>, comparable: Record<string, unknown>): string[] {
  const text = (value: unknown) => String(value ?? '').trim();
  return Object.keys(mapped)
    .filter((key) => key in comparable)
    .filter((key) => text(mapped[key]) !== text(comparable[key]));
}

const connector = createMilitiaConscriptionConnector({
  baseUrl: 'http://127.0.0.1:1',
  username: 'u',
  password: 'p',
});
/** The second line: registered by the department's staff, a 民盟 member, 出生年月 typed as a number. */
const walkIn = residentSnapshot({
  name: '李强',
  birthDate: '2005-10-08',
  idNumber: makeCitizenId('320402', '2005-10-08', 51),
  education: '60',
  politicalStatus: '05',
  maritalStatus: '10',
  phone: '13700000000',
});

describe('militiaConscriptionExportReader', () => {
  let son: Record<string, string>;
  let staffTyped: Record<string, string>;

  beforeAll(async () => {
    // Lines as exportAll yields them: the department's XLSX read by the connector's own reader.
    [son, staffTyped] = await readRoster(readFileSync(join(__dirname, 'fixtures/ok/export-roster.xlsx')));
  });

  it('is the connector’s export reader', () => {
    expect(connector.exportReader).toBe(sut);
  });

  it('reads back what map() sends, on every column but 登记类型', () => {
    const mapped = connector.map(issueResidents.son, ISSUE_DAY);
    const comparable = sut.comparable(son);
    expect(differences(mapped, comparable)).toEqual([]);
    expect(Object.keys(comparable).sort()).toEqual(
      Object.keys(mapped)
        .filter((key) => key !== '登记类型')
        .sort(),
    );
    expect(comparable).not.toHaveProperty('序号');
  });

  it('finds no false difference in a staff-typed line (numeric month, 普通高中, a party name)', () => {
    const comparable = sut.comparable(staffTyped);
    expect(comparable).toMatchObject({ 出生年月: '2005.10', 文化程度: '高中', 政治面貌: '民主党派成员' });
    expect(differences(connector.map(walkIn, ISSUE_DAY), comparable)).toEqual([]);
  });

  it('reads a month however Excel kept it', () => {
    expect(['2006.03', '2006.3', '2006-03-01', '2006年3月', '2006/3'].map(birthMonthOf)).toEqual(
      Array(5).fill('2006.03'),
    );
    expect(birthMonthOf('2005.1')).toBe('2005.10');
  });

  it('shows a changed phone and a corrected name as differences', () => {
    const changed = { ...issueResidents.son, phone: '13900001111', name: '王晓明' };
    expect(differences(connector.map(changed, ISSUE_DAY), sut.comparable(son)).sort()).toEqual(
      ['姓名', '联系电话'].sort(),
    );
  });

  it('identifies by ID number only; a 注销登记 line is ended', () => {
    expect(sut.identify(son)).toEqual({
      externalId: null,
      idNumber: issueResidents.son.idNumber,
      active: true,
    });
    expect(sut.identify(staffTyped).active).toBe(true);
    expect(sut.identify({ ...son, 登记类型: '注销登记' })).toEqual({
      externalId: null,
      idNumber: issueResidents.son.idNumber,
      active: false,
    });
  });
});
