import { isActiveResident, type SubjectSnapshot } from '@hub/domain';

/**
 * "Every resident": each living, present resident has a health archive, whatever the age or
 * registration type. Households have no archive. The dead and the moved-out are not relevant
 * (the hub then calls `end`).
 */
export function isPublicHealthRelevant(subject: SubjectSnapshot, _on: Date): boolean {
  return subject.type === 'resident' && isActiveResident(subject);
}
