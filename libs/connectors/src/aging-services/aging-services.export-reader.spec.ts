import { upgradeLegacyCitizenId } from '@hub/domain';
import { ISSUE_DAY, issueResidents } from '../testing/issue-household';
import { createAgingServicesConnector } from './aging-services.connector';
import { agingServicesExportReader as reader } from './aging-services.export-reader';
import exported from './fixtures/ok/export-elders.json';

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

describe('agingServicesExportReader', () => {
  const connector = createAgingServicesConnector({
    baseUrl: 'http://unused',
    clientId: 'c',
    clientSecret: 's',
  });
  const pushed = connector.map(issueResidents.head, ISSUE_DAY);
  const [active, deceased] = exported as Array<Record<string, unknown>>;

  it('is wired into the connector', () => {
    expect(connector.exportReader).toBe(reader);
  });

  it('reads the exported elder back as map() wrote it, the legacy 15-digit number included', () => {
    const held = reader.comparable(active);
    expect(differences(pushed, held)).toEqual([]);
    expect(Object.keys(held).sort()).toEqual(
      ['address', 'birthDate', 'gender', 'idCard', 'livingStatus', 'name', 'phone'].sort(),
    );
  });

  it('leaves out what the department derives or stamps itself', () => {
    const held = reader.comparable(active);
    for (const key of ['elderId', 'allowanceLevel', 'emergencyContact', 'status']) {
      expect(held).not.toHaveProperty(key);
    }
  });

  it('shows a stale phone and a wrong name as differences, not a blank or padded value', () => {
    expect(
      differences(pushed, reader.comparable({ ...active, phone: '0519-6612345', name: '王建军' })),
    ).toEqual(['name', 'phone']);
    expect(
      differences(pushed, reader.comparable({ ...active, address: `${String(active.address)} ` })),
    ).toEqual([]);
    expect(reader.comparable({ ...active, phone: '' }).phone).toBeNull();
  });

  it('identifies an active and a deceased elder, legacy numbers upgraded', () => {
    expect(reader.identify(active)).toEqual({
      externalId: 'EL0000000123',
      idNumber: issueResidents.head.idNumber,
      active: true,
    });
    expect(reader.identify(deceased)).toEqual({
      externalId: 'EL0000000004',
      idNumber: upgradeLegacyCitizenId('320404380822042'),
      active: false,
    });
    expect(reader.identify({ ...active, status: 'moved' }).active).toBe(false);
  });
});
