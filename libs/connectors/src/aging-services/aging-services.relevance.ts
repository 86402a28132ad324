import { isActiveResident, type SubjectSnapshot } from '@hub/domain';
import { ageAt } from '../common';

/**
 * Residents aged 60 or over on the day, alive and present. The 60th birthday itself counts (whole
 * years); someone born on 29 February turns 60 on 1 March in a common year. Households are not
 * elders. A birth date corrected to under 60 also takes someone out (ended as `moved`).
 */
export function isAgingServicesRelevant(subject: SubjectSnapshot, on: Date): boolean {
  return subject.type === 'resident' && isActiveResident(subject) && ageAt(subject.birthDate, on) >= 60;
}
