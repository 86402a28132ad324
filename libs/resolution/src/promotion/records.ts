import type { SourceRef } from '@hub/matching';
import type { StagedPerson } from '../source-record.repository';

/** `system/recordId`: how a staged record is named across promotion. */
export const recordKey = (r: SourceRef): string => `${r.system}/${r.recordId}`;

/**
 * Whether the department still counts the record as current: its extractor says `active` or
 * `ended`; a record that says neither is current unless it states a death.
 */
export function isActiveRecord(r: { attributes: Record<string, string | null> }): boolean {
  const status = r.attributes.status;
  if (status === 'active') return true;
  if (status === 'ended') return false;
  return r.attributes.lifeStatus !== 'deceased';
}

/** Civil assistance holds households: its person records are linked through the household. */
export const HOUSEHOLD_HELD = 'civil-assistance';
/** Systems whose records have no id of their own (the militia roster is keyed by ID number). */
const WITHOUT_OWN_ID: readonly string[] = ['militia-conscription'];
export const isPersonLinked = (system: string): boolean => system !== HOUSEHOLD_HELD;
export const hasOwnId = (system: string): boolean => !WITHOUT_OWN_ID.includes(system);

/** `isActiveRecord` in SQL, over a `source_record` aliased `alias`. */
export const activeRecordSql = (alias: string): string =>
  `(${alias}.attributes->>'status' = 'active'
    OR (${alias}.attributes->>'status' IS NULL AND ${alias}.attributes->>'lifeStatus' IS DISTINCT FROM 'deceased'))`;

/** A staged record as promotion reads it: when it was imported and whom it was promoted into. */
export interface ClusterRecord extends StagedPerson {
  importedAt: string;
  residentId: string | null;
}

/** The resident's stored fields (camelCase, as `RESIDENT_COLUMNS` names them). */
export interface PromotedFields {
  idNumber: string | null;
  name: string;
  gender: string;
  ethnicity: string | null;
  birthDate: string;
  registeredAddress: string | null;
  phone: string | null;
  maritalStatus: string | null;
  education: string | null;
  politicalStatus: string | null;
  registrationType: 'registered' | 'floating' | 'overseas';
  lifeStatus: 'alive' | 'deceased';
  residenceStatus: 'present' | 'moved_out';
  disabilityType: string | null;
  disabilityGrade: string | null;
  disabilityCertificateNo: string | null;
  livingStatus: string | null;
  employmentStatus: string | null;
  pensionStatus: string | null;
  correctionsType: string | null;
  correctionsStart: string | null;
  correctionsEnd: string | null;
}
