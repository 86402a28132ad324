import { ISSUE_DAY, issueHousehold } from '../testing/issue-household';
import { createCivilAssistanceConnector } from './civil-assistance.connector';
import {
  canonicalRelationWord,
  civilAssistanceExportReader as reader,
} from './civil-assistance.export-reader';
import exported from './fixtures/ok/export-households.json';

/** The reconciler's rule: over shared keys, scalars as trimmed strings, objects as sorted-key JSON. */
function differences(pushed: Record<string, unknown>, held: Record<string, unknown>): string[] {
  const sortedJson = (v: unknown): string =>
    JSON.stringify(v, (_k, x: unknown) =>
      x && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
        : x,
    );
  const norm = (v: unknown) => (v !== null && typeof v === 'object' ? sortedJson(v) : String(v ?? '').trim());
  return Object.keys(pushed)
    .filter((key) => key in held && norm(pushed[key]) !== norm(held[key]))
    .sort();
}

describe('civilAssistanceExportReader', () => {
  const connector = createCivilAssistanceConnector({ baseUrl: 'http://unused', appKey: 'k', appSecret: 's' });
  const pushed = connector.map(issueHousehold, ISSUE_DAY);
  const [active, ended] = exported as Array<Record<string, unknown>>;

  it('is wired into the connector', () => {
    expect(connector.exportReader).toBe(reader);
  });

  it('reads the exported household back as map() wrote it: legacy IDs, x, relation variants', () => {
    const held = reader.comparable(active);
    expect(differences(pushed, held)).toEqual([]);
    // Everything the export carries that map() sends is compared, not silently skipped.
    expect(Object.keys(held).sort()).toEqual(
      Object.keys(pushed)
        .filter((k) => k !== 'status')
        .sort(),
    );
  });

  it('treats an amount written as a string like the number map() sends', () => {
    expect(differences(pushed, reader.comparable({ ...active, monthlyAmount: '1260.50 ' }))).toEqual([]);
  });

  it('shows a changed name, member and amount as differences', () => {
    const members = (active.members as Array<Record<string, unknown>>).map((m, i) =>
      i === 2 ? { ...m, name: '王晓明' } : m,
    );
    const held = reader.comparable({ ...active, headName: '王建军', members, monthlyAmount: 1300 });
    expect(differences(pushed, held)).toEqual(['headName', 'members', 'monthlyAmount']);
  });

  it('identifies households by householdNo and the head, active or ended', () => {
    expect(reader.identify(active)).toEqual({
      externalId: 'MZ320402000123',
      idNumber: '320402196305100130',
      active: true,
      subjectType: 'household',
    });
    expect(reader.identify(ended)).toEqual({
      externalId: 'MZ320404000124',
      idNumber: '320404196011110627',
      active: false,
      subjectType: 'household',
    });
  });

  it('leaves out what the export does not carry', () => {
    expect(reader.comparable({ householdNo: 'MZ1', headName: ' 王建国 ' })).toEqual({ headName: '王建国' });
  });

  it('maps the department variant words onto the words map() sends', () => {
    expect(
      ['妻子', '丈夫', '儿子', '女儿', '外孙女', '儿媳', '女婿', '舅舅'].map(canonicalRelationWord),
    ).toEqual(['配偶', '配偶', '子', '女', '孙女', '其他', '其他', '其他']);
  });
});
