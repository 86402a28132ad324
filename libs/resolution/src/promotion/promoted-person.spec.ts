import { citizenIdCheckCharacter } from '@hub/domain';
import type { CheckedField } from './findings';
import { promotedPerson, type ClusterRecord } from './promoted-person';

const id17 = '32040219800512301';
const ID = id17 + citizenIdCheckCharacter(id17); // a man born 1980-05-12
const typo17 = '32040219800512302';
const TYPO = typo17 + citizenIdCheckCharacter(typo17);

function record(system: string, recordId: string, over: Partial<ClusterRecord> = {}): ClusterRecord {
  return {
    system,
    recordId,
    rowId: recordId,
    goldenId: 'g1',
    idNumberRaw: ID,
    idNumber: ID,
    idValid: true,
    name: '王建国',
    gender: '1',
    birthDate: '1980-05-12',
    phone: '13912345678',
    address: null,
    communityCode: '320402002001',
    attributes: {},
    importedAt: '2026-12-01T00:00:00.000Z',
    residentId: null,
    ...over,
  } as ClusterRecord;
}

const carriedAll = (): ReadonlySet<CheckedField> => new Set<CheckedField>(['phone', 'name', 'status']);
const ROSTERS = new Map([['social-insurance', '2026-12-01T00:00:00.000Z']]);

describe('promotedPerson', () => {
  it('an adult the imported pension roster lacks is in the employee scheme; without the roster nobody knows', () => {
    const records = [record('police-population', 'R1', { attributes: { householdNo: '320402001' } })];
    const withRoster = promotedPerson('g1', records, carriedAll, ROSTERS);
    const without = promotedPerson('g1', records, carriedAll);
    if (!withRoster.ok || !without.ok) throw new Error('not promoted');
    expect(withRoster.person.fields.pensionStatus).toBe('employee');
    expect(withRoster.person.provenance.pensionStatus?.source).toBe('social-insurance');
    expect(without.person.fields.pensionStatus).toBeNull();
  });

  it('keeps the pension status the roster states', () => {
    const records = [
      record('police-population', 'R1'),
      record('social-insurance', 'S1', { attributes: { pensionStatus: 'paying', status: 'active' } }),
    ];
    const promoted = promotedPerson('g1', records, carriedAll, ROSTERS);
    if (!promoted.ok) throw new Error('not promoted');
    expect(promoted.person.fields.pensionStatus).toBe('paying');
  });

  it('links the active record stating the kept ID number where a department holds the person twice', () => {
    const records = [
      record('police-population', 'R1'),
      record('employment', 'E1', { idNumber: TYPO, idNumberRaw: TYPO }),
      record('employment', 'E2'),
    ];
    const promoted = promotedPerson('g1', records, carriedAll, ROSTERS);
    if (!promoted.ok) throw new Error('not promoted');
    expect(promoted.person.links.find((l) => l.system === 'employment')).toMatchObject({
      recordId: 'E2',
      externalId: 'E2',
      present: true,
    });
  });

  it('does not promote a cluster without a name, and says why', () => {
    const promoted = promotedPerson(
      'g1',
      [record('public-health', 'P1', { name: null })],
      carriedAll,
      ROSTERS,
    );
    expect(promoted).toEqual({ ok: false, goldenId: 'g1', reason: 'no-name' });
  });

  it('puts a phone the departments disagree on on the worklist with each department’s value', () => {
    const records = [
      record('police-population', 'R1', { phone: '13900000001' }),
      record('grid-governance', 'G1', { phone: '13900000002', attributes: { status: 'active' } }),
      record('aging-services', 'A1', { phone: '13900000003' }),
    ];
    const promoted = promotedPerson('g1', records, carriedAll, ROSTERS);
    if (!promoted.ok) throw new Error('not promoted');
    const phone = promoted.person.findings.find((f) => f.field === 'phone');
    expect(phone?.chosen).toBe(promoted.person.fields.phone);
    expect(phone?.values.map((v) => v.system).sort()).toEqual(
      records
        .filter((r) => r.phone !== promoted.person.fields.phone)
        .map((r) => r.system)
        .sort(),
    );
  });

  it('compares only the record each department keeps: its second, older record raises no finding', () => {
    const records = [
      record('police-population', 'R1'),
      record('employment', 'E1', { idNumber: TYPO, idNumberRaw: TYPO, phone: '13900000009' }),
      record('employment', 'E2'),
    ];
    const promoted = promotedPerson('g1', records, carriedAll, ROSTERS);
    if (!promoted.ok) throw new Error('not promoted');
    expect(promoted.person.findings).toEqual([]);
  });

  it('raises no finding for someone who died: the departments are told of the death instead', () => {
    const records = [
      record('police-population', 'R1', { phone: '13900000001', attributes: { lifeStatus: 'deceased' } }),
      record('aging-services', 'A1', { phone: '13900000003' }),
    ];
    const promoted = promotedPerson('g1', records, carriedAll, ROSTERS);
    if (!promoted.ok) throw new Error('not promoted');
    expect(promoted.person.fields.lifeStatus).toBe('deceased');
    expect(promoted.person.findings).toEqual([]);
  });
});
