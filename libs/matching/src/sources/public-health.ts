/**
 * 居民健康档案 (FHIR R4 `Patient`). Some archives were opened without an ID number; birth dates
 * sometimes have day and month swapped and names may hold spaces. The date is kept as the
 * archive states it: whether it is a swap is matching's call, with the other sources beside it.
 */
import type { SourcePerson } from '../source-person';
import { parseAddress } from '../normalise';
import { isRecord, sourcePerson, text, type RawRecord } from './fields';

export const PUBLIC_HEALTH = 'public-health';
export const RESIDENT_ID_SYSTEM = 'urn:cn:resident-id';

const entries = (value: unknown): RawRecord[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** The first entry that says something: FHIR lists may hold empty or other-system entries. */
const first = (value: unknown, accept: (entry: RawRecord) => boolean): RawRecord | undefined =>
  entries(value).find(accept);

function addressOf(patient: RawRecord) {
  const entry = first(patient.address, (a) => text(a.text) !== '' || text(a.district) !== '');
  if (!entry) return null;
  const parsed = parseAddress(text(entry.text) || `${text(entry.city)}${text(entry.district)}`);
  // The structured district is the archive's own; the text may have left it out.
  return parsed && { ...parsed, district: parsed.district ?? (text(entry.district) || null) };
}

/** `deceasedBoolean`, and FHIR's `active: false` for an archive closed for another reason. */
function statusAttributes(patient: RawRecord): Record<string, string | null> {
  const deceased = patient.deceasedBoolean;
  const lifeStatus = deceased === true ? 'deceased' : deceased === false ? 'alive' : null;
  const ended = deceased === true || patient.active === false;
  return { lifeStatus, status: ended ? 'ended' : 'active' };
}

export function toSourcePersons(raw: RawRecord): SourcePerson[] {
  const identifier = first(
    raw.identifier,
    (i) => text(i.system) === RESIDENT_ID_SYSTEM && text(i.value) !== '',
  );
  const stated = {
    idNumber: identifier?.value,
    name: first(raw.name, (n) => text(n.text) !== '')?.text,
    gender: raw.gender,
    birthDate: raw.birthDate,
    phone: first(raw.telecom, (t) => text(t.system) === 'phone' && text(t.value) !== '')?.value,
    address: addressOf(raw),
  };
  return [sourcePerson(PUBLIC_HEALTH, text(raw.id), stated, statusAttributes(raw))];
}
