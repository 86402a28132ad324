import { ISSUE_DAY, issueResidents } from '../testing/issue-household';
import { createDisabilityConnector } from './disability.connector';
import { disabilityExportReader as reader } from './disability.export-reader';
import exported from './fixtures/ok/export-persons.json';

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

describe('disabilityExportReader', () => {
  const connector = createDisabilityConnector({ baseUrl: 'http://unused', apiKey: 'k' });
  const pushed = connector.map(issueResidents.head, ISSUE_DAY);
  const [valid, revoked] = exported as Array<Record<string, unknown>>;

  it('is wired into the connector', () => {
    expect(connector.exportReader).toBe(reader);
  });

  it('reads the exported certificate back as map() wrote it', () => {
    const held = reader.comparable(valid);
    expect(differences(pushed, held)).toEqual([]);
    expect(Object.keys(held).sort()).toEqual(
      Object.keys(pushed)
        .filter((k) => k !== 'status')
        .sort(),
    );
    for (const key of ['cardNo', 'guardianName', 'guardianPhone', 'status'])
      expect(held).not.toHaveProperty(key);
  });

  it('shows a changed phone, a wrong name and another grade as differences', () => {
    const held = reader.comparable({ ...valid, phone: '13900000000', name: '王建军', disabilityGrade: '3' });
    expect(differences(pushed, held)).toEqual(['disabilityGrade', 'name', 'phone']);
  });

  it('ignores harmless representation differences', () => {
    const held = reader.comparable({
      ...valid,
      idNumber: '320402196305100130 ',
      birthDate: '1963-05-10',
      gender: 1,
    });
    expect(differences(pushed, held)).toEqual([]);
  });

  it('identifies the valid certificate as active and the revoked one as ended', () => {
    expect(reader.identify(valid)).toEqual({
      externalId: '32040219630510013042',
      idNumber: issueResidents.head.idNumber,
      active: true,
    });
    expect(reader.identify(revoked)).toEqual({
      externalId: '32040219630510013043',
      idNumber: issueResidents.head.idNumber,
      active: false,
    });
    expect(reader.identify({ ...valid, status: 'deceased' }).active).toBe(false);
    expect(reader.identify({ ...valid, idNumber: null }).idNumber).toBe(issueResidents.head.idNumber);
  });
});
