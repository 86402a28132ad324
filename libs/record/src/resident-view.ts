import { ageOn, maskCitizenId, maskName, maskPhone } from '@hub/domain';
import { canSeeCorrections, seesPersonalData, type Actor } from './actor';
import { fromRow, RESIDENT_COLUMNS } from './resident-columns';

type Row = Record<string, unknown>;

/** A part with its mark (`3` → `3幢`), unless it carries one already (a village's `3组`, `15号`) or is empty. */
const marked = (part: unknown, mark: string): string => {
  const text = String(part ?? '');
  return text === '' || /[组号室幢栋座楼户]$/.test(text) ? text : `${text}${mark}`;
};

/** `青龙苑3幢2单元501室`, a village's `朱家村3组15号`, or the estate alone when that is all that is known. */
export const addressText = (row: Row, prefix = ''): string | null => {
  const estate = row[`${prefix}estate`];
  if (!estate) return null;
  const unit = row[`${prefix}unit`] ? `${String(row[`${prefix}unit`])}单元` : '';
  return `${String(estate)}${marked(row[`${prefix}building`], '幢')}${unit}${marked(row[`${prefix}room`], '室')}`;
};

/**
 * What the actor may see of a resident. ID numbers are shown in full only where a worker needs
 * them (the detail page of their own resident); IT operators see masked identity and no status.
 */
export function presentResident(row: Row, actor: Actor, detail: boolean): Record<string, unknown> {
  const f = fromRow(RESIDENT_COLUMNS, row);
  const personal = seesPersonalData(actor);
  const view: Record<string, unknown> = {
    id: row.id,
    version: row.version,
    idNumber: f.idNumber && (personal && detail ? f.idNumber : maskCitizenId(f.idNumber)),
    name: personal ? f.name : maskName(f.name ?? ''),
    gender: f.gender,
    ethnicity: f.ethnicity,
    birthDate: personal ? f.birthDate : f.birthDate?.slice(0, 4),
    age: f.birthDate ? ageOn(f.birthDate, f.deathDate ?? new Date()) : null,
    communityCode: f.communityCode,
    communityName: row.community_name ?? null,
    registrationType: f.registrationType,
    lifeStatus: f.lifeStatus,
    deathDate: f.deathDate,
    residenceStatus: f.residenceStatus,
    movedOutOn: f.movedOutOn,
    household: row.household_id ? { id: row.household_id, relation: String(row.relation) } : null,
  };
  if (!detail) return view;
  Object.assign(view, {
    phone: f.phone && (personal ? f.phone : maskPhone(f.phone)),
    registeredAddress: personal ? f.registeredAddress : null,
    currentAddress: f.currentAddressId
      ? {
          id: f.currentAddressId,
          text: personal ? addressText(row, 'addr_') : null,
          gridCode: row.addr_grid_code ?? null,
        }
      : null,
    maritalStatus: f.maritalStatus,
    education: f.education,
    politicalStatus: f.politicalStatus,
    updatedAt: row.updated_at,
    fieldSources: canSeeCorrections(actor) ? row.field_sources : withoutCorrections(row.field_sources),
  });
  if (personal) {
    Object.assign(view, {
      livingStatus: f.livingStatus,
      employmentStatus: f.employmentStatus,
      pensionStatus: f.pensionStatus,
      disability: f.disabilityType
        ? { type: f.disabilityType, grade: f.disabilityGrade, certificateNo: f.disabilityCertificateNo }
        : null,
    });
  }
  if (canSeeCorrections(actor)) {
    view.corrections = f.correctionsType
      ? { type: f.correctionsType, start: f.correctionsStart, end: f.correctionsEnd }
      : null;
  }
  return view;
}

const HIDDEN_FROM_OPERATORS = new Set([
  'id_number',
  'name',
  'name_pinyin',
  'name_initials',
  'phone',
  'registered_address',
  'birth_date',
  'disability_type',
  'disability_grade',
  'disability_certificate_no',
  'living_status',
  'employment_status',
  'pension_status',
  'assistance_type',
  'assistance_amount',
  'assistance_approved_on',
]);
const CORRECTIONS_FIELDS = new Set(['corrections_type', 'corrections_start', 'corrections_end']);
const CORRECTIONS_SOURCES = new Set(['correctionsType', 'correctionsStart', 'correctionsEnd']);

/** Even when and by whom corrections were set would tell that a person is under corrections. */
function withoutCorrections(sources: unknown): unknown {
  if (sources === null || typeof sources !== 'object') return sources;
  return Object.fromEntries(Object.entries(sources).filter(([field]) => !CORRECTIONS_SOURCES.has(field)));
}

/** Versions as a list of field changes; values the actor may not see are left out. */
export function presentHistory(versions: Row[], actor: Actor): Array<Record<string, unknown>> {
  const personal = seesPersonalData(actor);
  const corrections = canSeeCorrections(actor);
  let previous: Record<string, unknown> = {};
  return versions.map((v) => {
    const state = v.state as Record<string, unknown>;
    const changes = Object.keys(state)
      .filter((k) => !['version', 'updated_at', 'created_at'].includes(k))
      .filter((k) => JSON.stringify(state[k]) !== JSON.stringify(previous[k]))
      .filter((k) => corrections || !CORRECTIONS_FIELDS.has(k))
      .map((k) =>
        personal || !HIDDEN_FROM_OPERATORS.has(k)
          ? { field: k, before: previous[k] ?? null, after: state[k] ?? null }
          : { field: k, before: '***', after: '***' },
      );
    previous = state;
    const kind = String(v.change_kind);
    return {
      version: v.version,
      // The version stays in the list (numbers without gaps), but not what kind of change it was.
      changeKind: corrections || !kind.includes('corrections') ? kind : 'resident.changed',
      source: v.source,
      changedAt: v.changed_at,
      changedBy: v.changed_by,
      // People by name: a worker reads who made a change, not a user id.
      changedByName: v.changed_by_name ?? null,
      reason: v.reason ?? null,
      changes,
    };
  });
}
