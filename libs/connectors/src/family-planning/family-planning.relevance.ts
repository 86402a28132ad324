import {
  isActiveResident,
  normaliseCitizenId,
  parseCitizenId,
  type ResidentSnapshot,
  type SubjectSnapshot,
} from '@hub/domain';
import { ageAt } from '../common';

const isReproductiveAge = (age: number): boolean => age >= 15 && age <= 49;

/** GB/T 2261.2 statuses that say there is no spouse (未婚, 丧偶, 离婚), whatever the household says. */
const WITHOUT_SPOUSE = new Set(['10', '30', '40']);

/**
 * The spec's "women 15-49, their spouses, children under 7", on the day `on`:
 * - a woman (gender `2`) aged 15 to 49 inclusive;
 * - a child aged 0 to 6, by age alone (either gender; no household needed);
 * - the spouse of such a woman. The snapshot holds only the spouse's ID number, but the number
 *   states her birth date and gender (GB 11643), so her age is derived from it. A spouse number
 *   that fails its check, is the person's own (a known data-entry slip in this system), or belongs
 *   to a man, does not make the subject relevant; nor does a marital status of 未婚/丧偶/离婚.
 * Households are not persons here: never relevant. Deceased or moved-out residents are not
 * relevant (the hub then ends them). A birth date after `on` (age < 0) is not relevant.
 */
export function familyPlanningRelevant(subject: SubjectSnapshot, on: Date): boolean {
  if (subject.type !== 'resident' || !isActiveResident(subject)) return false;
  const age = ageAt(subject.birthDate, on);
  if (age < 0) return false;
  if (age < 7) return true;
  if (subject.gender === '2' && isReproductiveAge(age)) return true;
  return isSpouseOfReproductiveAgeWoman(subject, on);
}

function isSpouseOfReproductiveAgeWoman(subject: ResidentSnapshot, on: Date): boolean {
  if (!subject.spouseIdNumber) return false;
  if (subject.maritalStatus !== null && WITHOUT_SPOUSE.has(subject.maritalStatus)) return false;
  const spouse = parseCitizenId(subject.spouseIdNumber, on);
  if (!spouse.ok) return false;
  if (subject.idNumber && normaliseCitizenId(subject.idNumber) === spouse.id.value) return false;
  return spouse.id.gender === '2' && isReproductiveAge(ageAt(spouse.id.birthDate, on));
}
