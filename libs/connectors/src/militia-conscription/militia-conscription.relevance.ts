import { ageOn, isActiveResident, type SubjectSnapshot } from '@hub/domain';

/** The registration year is the year of `on`; ages are taken on its 31 December. */
export const registrationYear = (on: Date): number => on.getFullYear();

/**
 * Men (gender `1`) aged 18 to 22 inclusive on 31 December of the registration year — so a man
 * who turns 18 on 31 December is registered from 1 January of that year, and one who turns 23
 * during the year is not. Households, deceased and moved-out residents are never relevant.
 */
export function militiaConscriptionRelevant(subject: SubjectSnapshot, on: Date): boolean {
  if (subject.type !== 'resident' || !isActiveResident(subject) || subject.gender !== '1') return false;
  const age = ageOn(subject.birthDate, `${registrationYear(on)}-12-31`);
  return age >= 18 && age <= 22;
}
