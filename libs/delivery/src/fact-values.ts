import { sameNameInGbk, type RecordFact } from '@hub/connectors';
import type { ResidentSnapshot, SubjectSnapshot } from '@hub/domain';
import {
  normaliseDate,
  normaliseGender,
  normaliseIdNumber,
  normaliseName,
  normalisePhone,
  parseAddress,
} from '@hub/matching';

const text = (v: unknown): string =>
  v !== null && typeof v === 'object' ? JSON.stringify(v, Object.keys(v).sort()) : String(v ?? '').trim();

/** The text inside what a structured department (FHIR) nests it in: `[{text}]`, `[{value}]`. */
function inner(value: unknown, key: 'text' | 'value'): unknown {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return first !== null && typeof first === 'object' ? (first as Record<string, unknown>)[key] : first;
}

/**
 * A flat as parts: `常州市天宁区雕庄街道丽华新村3幢2单元501室`, `天宁区…丽华新村3-2-501` and
 * `丽华新村3栋2单元501` are one flat; the district counts only where both sides state one.
 */
function flatOf(value: unknown): { district: string | null; key: string } | null {
  const parsed = parseAddress(inner(value, 'text'));
  if (!parsed) return null;
  return {
    district: parsed.district,
    key: [parsed.estate, parsed.building, parsed.unit, parsed.room].join('|'),
  };
}

/** Facts written in more than one way, in the record's terms. */
const CANONICAL: Partial<Record<RecordFact, (value: unknown) => string>> = {
  name: (value) => normaliseName(inner(value, 'text')) ?? '',
  phone: (value) => normalisePhone(inner(value, 'value')) ?? '',
  idNumber: (value) => normaliseIdNumber(inner(value, 'value')).idNumber ?? text(inner(value, 'value')),
  birthDate: (value) => normaliseDate(value) ?? text(value),
  gender: (value) => normaliseGender(value) ?? text(value),
};

/** A value in the record's terms, so the same fact written two ways compares equal. */
function canonical(fact: RecordFact, value: unknown): string {
  return (CANONICAL[fact] ?? text)(value);
}

const bare = (value: unknown): string => text(inner(value, 'text')).replace(/\s+/g, '');

/**
 * Whether the hub's value and the department's state the same fact. Representation (date
 * formats, address styles, spaces in names, phone separators) is no difference; a value the hub
 * holds and the department lacks is.
 */
export function sameFact(fact: RecordFact | undefined, hub: unknown, department: unknown): boolean {
  if (fact === 'address' || fact === 'registeredAddress') {
    const a = flatOf(hub);
    const b = flatOf(department);
    if (!a || !b) return a === b;
    return a.key === b.key && (!a.district || !b.district || a.district === b.district);
  }
  if (!fact) return text(hub) === text(department);
  // A department limited to GBK keeps a rare given-name character as `?` or not at all.
  if (fact === 'name' && sameNameInGbk(bare(hub), bare(department))) return true;
  return canonical(fact, hub) === canonical(fact, department);
}

/** Whether the hub states anything for the field (a fact it lacks is never a difference). */
export const hubStates = (value: unknown): boolean => text(value) !== '';

/** Where a department field carries one fact of the resident, the fact as the unified record holds it. */
const FACT_OF: Partial<Record<RecordFact, (r: ResidentSnapshot) => unknown>> = {
  name: (r) => r.name,
  phone: (r) => r.phone,
  idNumber: (r) => r.idNumber,
  birthDate: (r) => r.birthDate,
  gender: (r) => r.gender,
  ethnicity: (r) => r.ethnicity,
  education: (r) => r.education,
  maritalStatus: (r) => r.maritalStatus,
  politicalStatus: (r) => r.politicalStatus,
  livingStatus: (r) => r.livingStatus,
  registeredAddress: (r) => r.registeredAddress,
  address: (r) => r.currentAddress,
};

/**
 * Whether the unified record holds the fact at all: a connector may fill a field the hub lacks
 * with the code for "not stated" (婚姻状况 90), which the department keeps empty; no difference.
 */
export function hubHolds(subject: SubjectSnapshot, fact: RecordFact | undefined): boolean {
  if (!fact || subject.type !== 'resident') return true;
  const read = FACT_OF[fact];
  return !read || hubStates(read(subject));
}
