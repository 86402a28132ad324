import type { ParsedAddress, SourcePerson } from '../source-person';

/** A golden record's values: one per field, chosen from its cluster's source records. */
export interface GoldenFields {
  idNumber: string | null;
  name: string | null;
  gender: '1' | '2' | null;
  birthDate: string | null;
  phone: string | null;
  address: ParsedAddress | null;
  attributes: Record<string, string>;
  /** The community the person lives in, when a source says (grid cell, community code). */
  communityCode: string | null;
}

/** A source record by its system and own id: where a golden value came from. */
export interface SourceRef {
  system: string;
  recordId: string;
}

const POLICE = 'police-population';
const GRID = 'grid-governance';

/**
 * Who is right per field (departments.md, "Field authority"). The community's own entry is the
 * authority for contact and personal circumstances; of the imported systems grid-governance is
 * the community's (its grid workers visit door to door), then the police's current address.
 */
const IDENTITY = [POLICE];
const CONTACT = [GRID, POLICE];
const ATTRIBUTE_AUTHORITY: Record<string, readonly string[]> = {
  ethnicity: IDENTITY,
  registeredAddress: IDENTITY,
  registrationType: IDENTITY,
  householdNo: IDENTITY,
  relation: IDENTITY,
  lifeStatus: IDENTITY,
  livingStatus: [GRID, 'aging-services'],
  assistanceType: ['civil-assistance'],
  assistanceAmount: ['civil-assistance'],
  assistanceApprovedOn: ['civil-assistance'],
  disabilityType: ['disability'],
  disabilityGrade: ['disability'],
  disabilityCertificateNo: ['disability'],
  correctionsType: ['justice-corrections'],
  correctionsStart: ['justice-corrections'],
  correctionsEnd: ['justice-corrections'],
  employmentStatus: ['employment'],
  pensionStatus: ['social-insurance'],
  education: [GRID, 'employment', 'militia-conscription'],
  maritalStatus: [GRID, 'family-planning'],
  politicalStatus: [GRID, 'militia-conscription'],
};

/** Attributes that describe one system's record, not the person. */
const NOT_PERSONAL = new Set(['status', 'nameIncomplete', 'spouseIdNumber', 'gridCode', 'communityCode']);

interface Chosen<T> {
  value: T;
  from: SourceRef;
}

const refOf = (r: SourcePerson): SourceRef => ({ system: r.system, recordId: r.recordId });

/**
 * The value the authority gives; without one, the value most sources agree on (ties broken by
 * system and record id, so the result does not depend on the order records arrive in).
 */
export function chooseValue<T>(
  records: readonly SourcePerson[],
  authority: readonly string[],
  read: (r: SourcePerson) => T | null | undefined,
  key: (value: T) => string = String,
): Chosen<T> | null {
  for (const system of authority) {
    for (const r of records) {
      if (r.system !== system) continue;
      const value = read(r);
      if (value !== null && value !== undefined) return { value, from: refOf(r) };
    }
  }
  const tally = new Map<string, { value: T; count: number; first: string; from: SourcePerson }>();
  for (const r of records) {
    const value = read(r);
    if (value === null || value === undefined) continue;
    const k = key(value);
    const order = `${r.system}/${r.recordId}`;
    const entry = tally.get(k);
    if (entry) {
      entry.count += 1;
      if (order < entry.first) Object.assign(entry, { first: order, from: r });
    } else tally.set(k, { value, count: 1, first: order, from: r });
  }
  let best: { value: T; count: number; first: string; from: SourcePerson } | undefined;
  for (const entry of tally.values()) {
    if (!best || entry.count > best.count || (entry.count === best.count && entry.first < best.first))
      best = entry;
  }
  return best ? { value: best.value, from: refOf(best.from) } : null;
}

function communityOf(records: readonly SourcePerson[]): string | null {
  const code = chooseValue(
    records,
    [GRID],
    (r) => r.attributes.communityCode ?? r.attributes.gridCode?.slice(0, 12),
  )?.value;
  return code && /^\d{12}$/.test(code) ? code : null;
}

/**
 * The golden record of one cluster, field by field under the authority table. Given `sources`,
 * it also notes per field (`name`, `phone`, an attribute's name …) the record the value came
 * from (promotion keeps it as provenance; the resolver, holding a city in memory, does not ask).
 */
export function goldenFields(
  records: readonly SourcePerson[],
  sources?: Record<string, SourceRef>,
): GoldenFields {
  const take = <T>(field: string, chosen: Chosen<T> | null): T | null => {
    if (!chosen) return null;
    if (sources) sources[field] = chosen.from;
    return chosen.value;
  };
  const validIds = records.filter((r) => r.idValid);
  const attributes: Record<string, string> = {};
  const names = new Set(
    records.flatMap((r) => Object.keys(r.attributes)).filter((k) => !NOT_PERSONAL.has(k)),
  );
  for (const name of [...names].sort()) {
    const value = take(
      name,
      chooseValue(records, ATTRIBUTE_AUTHORITY[name] ?? [], (r) => r.attributes[name]),
    );
    if (value !== null) attributes[name] = value;
  }
  return {
    idNumber: take(
      'idNumber',
      chooseValue(validIds.length > 0 ? validIds : records, IDENTITY, (r) => r.idNumber),
    ),
    name: take(
      'name',
      chooseValue(records, IDENTITY, (r) => (r.attributes.nameIncomplete === 'true' ? null : r.name)),
    ),
    gender: take(
      'gender',
      chooseValue(records, IDENTITY, (r) => r.gender),
    ),
    birthDate: take(
      'birthDate',
      chooseValue(records, IDENTITY, (r) => (r.birthDate?.endsWith('-00') ? null : r.birthDate)),
    ),
    phone: take(
      'phone',
      chooseValue(records, CONTACT, (r) => r.phone),
    ),
    address: take(
      'address',
      chooseValue(
        records,
        CONTACT,
        (r) => r.address,
        (a) => JSON.stringify(a),
      ),
    ),
    attributes,
    communityCode: communityOf(records),
  };
}
