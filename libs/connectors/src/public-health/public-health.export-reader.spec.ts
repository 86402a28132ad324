import { ISSUE_DAY, issueResidents } from '../testing/issue-household';
import bundle from './fixtures/ok/export-bundle.json';
import { createPublicHealthConnector } from './public-health.connector';
import { archiveName, publicHealthExportReader as reader } from './public-health.export-reader';

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

describe('publicHealthExportReader', () => {
  const connector = createPublicHealthConnector({ baseUrl: 'http://unused', token: 't' });
  const pushed = connector.map(issueResidents.spouse, ISSUE_DAY);
  // exportAll yields the Bundle's entries' resources one by one.
  const [current, deceased] = bundle.entry.map((e) => e.resource as Record<string, unknown>);

  it('is wired into the connector', () => {
    expect(connector.exportReader).toBe(reader);
  });

  it('reads the exported Patient back as map() wrote it: spaced name, lower-case x', () => {
    const held = reader.comparable(current);
    expect(differences(pushed, held)).toEqual([]);
    expect(Object.keys(held).sort()).toEqual(
      Object.keys(pushed)
        .filter((k) => k !== 'deceasedBoolean')
        .sort(),
    );
  });

  it('shows a changed phone and a wrong name as differences', () => {
    const held = reader.comparable({
      ...current,
      name: [{ text: '李秀华' }],
      telecom: [
        { system: 'email', value: 'x@example.cn' },
        { system: 'phone', value: '13900000000' },
      ],
    });
    expect(differences(pushed, held)).toEqual(['name', 'telecom']);
  });

  it('does not compare what the archive lacks (no ID number, no phone)', () => {
    const { identifier: _i, telecom: _t, ...bare } = current;
    const held = reader.comparable(bare);
    expect(held).not.toHaveProperty('identifier');
    expect(held).not.toHaveProperty('telecom');
    expect(differences(pushed, held)).toEqual([]);
  });

  it('identifies a current and a deceased archive', () => {
    expect(reader.identify(current)).toEqual({
      externalId: '32040200200100017',
      idNumber: issueResidents.spouse.idNumber,
      active: true,
    });
    expect(reader.identify(deceased)).toEqual({
      externalId: '32040200200100018',
      idNumber: '320402194001010012',
      active: false,
    });
    expect(reader.identify({ ...current, identifier: undefined }).idNumber).toBeNull();
  });

  it('drops spaces only between Han characters', () => {
    expect(archiveName(' 王 建 国 ')).toBe('王建国');
    expect(archiveName('John Smith')).toBe('John Smith');
  });
});
