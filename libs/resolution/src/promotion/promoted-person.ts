import { ageOn, citizenIdConsistency, normalisePhone, parseCitizenId } from '@hub/domain';
import { goldenFields, type SourceRef } from '@hub/matching';
import { addressParts, type AddressParts } from './address-parts';
import { findingsOf, type CheckedField, type Finding } from './findings';
import {
  hasOwnId,
  HOUSEHOLD_HELD,
  isActiveRecord,
  isPersonLinked,
  recordKey,
  type ClusterRecord,
  type PromotedFields,
} from './records';

export type { ClusterRecord, PromotedFields } from './records';

/** What a person's records say about their household: the police 户号 first, then 低保 and grid houses. */
export interface HouseholdEvidence {
  policeHouseholdNo: string | null;
  policeRelation: string | null;
  civilHouseholdNo: string | null;
  civilRelation: string | null;
  /** The person's grid records: a house names its members by them. */
  gridRecordIds: string[];
}

/** 低保 / 低保边缘 / 特困 of the person's household, from an active civil-assistance document. */
export interface AssistanceEvidence {
  householdNo: string;
  type: string;
  amount: string;
  approvedOn: string;
}

/**
 * The department record the hub updates, one per system (every record of the cluster is tied to
 * the resident through `source_record`; a second active one is that department's duplicate).
 */
export interface RecordLink {
  system: string;
  recordId: string;
  /** The department's own id the connector addresses (null where the system has none: militia). */
  externalId: string | null;
  present: boolean;
}

export interface PromotedPerson {
  goldenId: string;
  fields: PromotedFields;
  /** Per field: the department it came from and when the hub read it. */
  provenance: Record<string, { source: string; at: string }>;
  address: AddressParts | null;
  communityCode: string | null;
  gridCode: string | null;
  evidence: HouseholdEvidence;
  assistance: AssistanceEvidence | null;
  links: RecordLink[];
  findings: Finding[];
}

export type Promotion =
  { ok: true; person: PromotedPerson } | { ok: false; goldenId: string; reason: string };

const POLICE = 'police-population';
const GRID = 'grid-governance';

/**
 * Systems whose person records the hub updates by the department's own id. civil-assistance
 * keeps households (linked per household); militia-conscription has no id of its own (keyed by
 * the ID number), so its link carries none.
 */

/** Records of one system, active first, then by own id: the first is the one the hub updates. */
function bySystem(records: readonly ClusterRecord[]): Map<string, ClusterRecord[]> {
  const groups = new Map<string, ClusterRecord[]>();
  const ordered = [...records].sort(
    (a, b) => Number(isActiveRecord(b)) - Number(isActiveRecord(a)) || (a.recordId < b.recordId ? -1 : 1),
  );
  for (const r of ordered) groups.set(r.system, [...(groups.get(r.system) ?? []), r]);
  return groups;
}

/**
 * A tag's record: the department's active record, the one stating `attribute` where it holds
 * the person twice (the department's own change feed reports that one, too).
 */
function activeOf(
  groups: Map<string, ClusterRecord[]>,
  system: string,
  attribute?: string,
): ClusterRecord | undefined {
  const active = groups.get(system)?.filter(isActiveRecord) ?? [];
  return (attribute && active.find((r) => r.attributes[attribute])) || active[0];
}

/**
 * One golden record's cluster of staged department records → the resident it becomes: values
 * under the authority table with their provenance, status tags from the departments that own
 * them (only while their record is active), household evidence, links and findings. Pure.
 */
export function promotedPerson(
  goldenId: string,
  records: readonly ClusterRecord[],
  carried: (system: string) => ReadonlySet<CheckedField>,
  rosters: ReadonlyMap<string, string> = new Map(),
): Promotion {
  const sources: Record<string, SourceRef> = {};
  const golden = goldenFields(records, sources);
  const byKey = new Map(records.map((r) => [recordKey(r), r]));
  const provenance: PromotedPerson['provenance'] = {};
  const from = (field: string, r: Pick<ClusterRecord, 'system' | 'importedAt'> | undefined) => {
    if (r) provenance[field] = { source: r.system, at: r.importedAt };
  };
  const chosen = (field: string, sourceField = field) =>
    from(field, sources[sourceField] && byKey.get(recordKey(sources[sourceField])));

  const id = golden.idNumber ? parseCitizenId(golden.idNumber) : undefined;
  const parsedId = id?.ok ? id.id : undefined;
  const birthDate = golden.birthDate ?? parsedId?.birthDate ?? null;
  const gender = golden.gender ?? parsedId?.gender ?? null;
  if (!golden.name) return { ok: false, goldenId, reason: 'no-name' };
  if (!birthDate) return { ok: false, goldenId, reason: 'no-birth-date' };
  if (!gender) return { ok: false, goldenId, reason: 'no-gender' };
  // A number that fails its check, or whose birth date and gender are someone else's (a baby
  // filed under the mother's number), is not stored; the departments' numbers stay a finding.
  const idNumber =
    parsedId && citizenIdConsistency(parsedId, { birthDate, gender }).length === 0 ? parsedId.value : null;

  const groups = bySystem(records);
  const attrs = golden.attributes;
  const police = groups.get(POLICE)?.[0];
  const disability = activeOf(groups, 'disability', 'disabilityGrade');
  const corrections = activeOf(groups, 'justice-corrections', 'correctionsStart');
  const employment = activeOf(groups, 'employment', 'employmentStatus');
  const pension = groups.get('social-insurance')?.[0];
  const civil = activeOf(groups, HOUSEHOLD_HELD);
  const grid = activeOf(groups, GRID) ?? groups.get(GRID)?.[0];

  const policeHouseholdNo = police?.attributes.householdNo ?? null;
  const fields: PromotedFields = {
    idNumber,
    name: golden.name,
    gender,
    ethnicity: attrs.ethnicity ?? null,
    birthDate,
    registeredAddress: attrs.registeredAddress ?? null,
    phone: golden.phone ? normalisePhone(golden.phone) : null,
    maritalStatus: attrs.maritalStatus ?? null,
    education: attrs.education ?? null,
    politicalStatus: attrs.politicalStatus ?? null,
    registrationType: registrationTypeOf(attrs.registrationType, policeHouseholdNo),
    lifeStatus: attrs.lifeStatus === 'deceased' ? 'deceased' : 'alive',
    residenceStatus: attrs.residenceStatus === 'moved_out' ? 'moved_out' : 'present',
    disabilityType: disability?.attributes.disabilityType ?? null,
    disabilityGrade: disability?.attributes.disabilityGrade ?? null,
    disabilityCertificateNo: disability?.attributes.disabilityCertificateNo ?? null,
    livingStatus: attrs.livingStatus ?? null,
    employmentStatus: employment?.attributes.employmentStatus ?? null,
    pensionStatus: pensionStatusOf(pension, rosters.has(PENSION_ROSTER), birthDate),
    correctionsType: corrections?.attributes.correctionsType ?? null,
    correctionsStart: corrections?.attributes.correctionsStart ?? null,
    correctionsEnd: corrections?.attributes.correctionsEnd ?? null,
  };
  if (!fields.disabilityGrade) Object.assign(fields, { disabilityType: null, disabilityCertificateNo: null });
  if (!fields.correctionsStart) Object.assign(fields, { correctionsType: null, correctionsEnd: null });

  for (const field of ['idNumber', 'name', 'gender', 'birthDate', 'phone'] as const) {
    if (fields[field]) chosen(field);
  }
  for (const field of [
    'ethnicity',
    'registeredAddress',
    'maritalStatus',
    'education',
    'politicalStatus',
    'registrationType',
    'lifeStatus',
    'residenceStatus',
    'livingStatus',
  ] as const) {
    if (attrs[field]) chosen(field);
  }
  if (!sources.birthDate && birthDate) chosen('birthDate', 'idNumber');
  if (!sources.gender && gender) chosen('gender', 'idNumber');
  for (const field of ['disabilityType', 'disabilityGrade', 'disabilityCertificateNo'])
    if (fields.disabilityType) from(field, disability);
  for (const field of ['correctionsType', 'correctionsStart', 'correctionsEnd'])
    if (fields.correctionsType) from(field, corrections);
  if (fields.employmentStatus) from('employmentStatus', employment);
  const roster = rosters.get(PENSION_ROSTER);
  if (fields.pensionStatus)
    from('pensionStatus', pension ?? (roster ? { system: PENSION_ROSTER, importedAt: roster } : undefined));

  const address = golden.address ? addressParts(golden.address) : null;
  if (address) chosen('currentAddressId', 'address');
  const person: PromotedPerson = {
    goldenId,
    fields,
    provenance,
    address,
    communityCode: golden.communityCode,
    gridCode: grid?.attributes.gridCode ?? null,
    evidence: {
      policeHouseholdNo: fields.registrationType === 'registered' ? policeHouseholdNo : null,
      policeRelation: police?.attributes.relation ?? null,
      civilHouseholdNo: civil?.attributes.householdNo ?? null,
      civilRelation: civil?.attributes.relation ?? null,
      gridRecordIds: groups.get(GRID)?.map((r) => r.recordId) ?? [],
    },
    assistance: assistanceOf(civil),
    links: linksOf(groups, fields.idNumber),
    // Compared as reconciliation will: the record each department keeps for the person, if it is
    // current there (an ended one is a question of holding; civil assistance holds households).
    findings: findingsOf(
      [...groups.entries()]
        .filter(([system]) => isPersonLinked(system))
        .map(([, held]) => linkedRecord(held, fields.idNumber))
        .filter(isActiveRecord),
      fields,
      address,
      sources,
      carried,
    ),
  };
  return { ok: true, person };
}

const PENSION_ROSTER = 'social-insurance';

/**
 * The residents' scheme's roster is everyone 16 or over outside the employee scheme (spec): once
 * the whole roster is imported, an adult it lacks, or has ended while alive, is in the employee
 * scheme. Without the roster the hub does not know.
 */
function pensionStatusOf(record: ClusterRecord | undefined, rosterImported: boolean, birthDate: string) {
  const stated = record?.attributes.pensionStatus ?? null;
  if (stated && stated !== 'terminated') return stated;
  if (!rosterImported) return stated;
  return ageOn(birthDate, new Date()) >= 16 ? 'employee' : null;
}

/** 户籍 when the police say so (or hold a 户号 for the person), 流动 otherwise. */
function registrationTypeOf(stated: string | undefined, householdNo: string | null) {
  if (stated === 'registered' || stated === 'floating' || stated === 'overseas') return stated;
  return householdNo ? 'registered' : 'floating';
}

function assistanceOf(civil: ClusterRecord | undefined): AssistanceEvidence | null {
  const a = civil?.attributes;
  if (!a?.householdNo || !a.assistanceType || !a.assistanceAmount || !a.assistanceApprovedOn) return null;
  return {
    householdNo: a.householdNo,
    type: a.assistanceType,
    amount: a.assistanceAmount,
    approvedOn: a.assistanceApprovedOn,
  };
}

/**
 * The record the hub updates in each system: where a department holds the person twice, the
 * active one stating the hub's ID number (updating the other to it would be refused as a
 * second holder of the number), then any active one, then the first.
 */
function linkedRecord(records: readonly ClusterRecord[], idNumber: string | null): ClusterRecord {
  const active = records.filter(isActiveRecord);
  return active.find((r) => idNumber !== null && r.idNumber === idNumber) ?? active[0] ?? records[0];
}

function linksOf(groups: Map<string, ClusterRecord[]>, idNumber: string | null): RecordLink[] {
  return [...groups.entries()]
    .filter(([system]) => isPersonLinked(system))
    .map(([system, records]) => {
      const record = linkedRecord(records, idNumber);
      return {
        system,
        recordId: record.recordId,
        externalId: hasOwnId(system) ? record.recordId : null,
        present: isActiveRecord(record),
      };
    });
}
