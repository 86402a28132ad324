import type { SourcePerson } from '../source-person';

const EIGHTEEN = /^\d{17}[\dX]$/;

/**
 * The ID number matching may use for this record, or null.
 *
 * Clinics and assistance offices file a newborn under the mother's number until the child has
 * one. Such a number contradicts the record on both birth date and gender; trusting it would
 * merge the baby into the mother. A number that contradicts only one of the two is kept: one
 * slip in either field is common, two independent slips on the same record are not.
 */
export function effectiveId(p: SourcePerson): string | null {
  const id = p.idNumber;
  if (!id) return null;
  return idDisownedByRecord(id, p.birthDate, p.gender) ? null : id;
}

function idDisownedByRecord(id: string, birthDate: string | null, gender: '1' | '2' | null): boolean {
  if (!EIGHTEEN.test(id) || !birthDate || !gender) return false;
  const recordDigits = birthDate.replace(/-/g, '');
  const idDigits = id.slice(6, 14);
  // Month-only records (`yyyy-MM-00`) can only contradict the year and month.
  const comparable = recordDigits.endsWith('00') ? 6 : 8;
  const birthDisagrees = idDigits.slice(0, comparable) !== recordDigits.slice(0, comparable);
  const idGender = Number(id[16]) % 2 === 1 ? '1' : '2';
  return birthDisagrees && idGender !== gender;
}
