import type { SubjectSnapshot } from '@hub/domain';

/**
 * "Every resident": each living resident has a health archive, whatever the age or registration
 * type. Households have no archive. An archive follows the person: one who moved away keeps it
 * (nothing ends it), so the moved-out stay covered; a death ends it (`deceasedBoolean`).
 */
export function isPublicHealthRelevant(subject: SubjectSnapshot, _on: Date): boolean {
  return subject.type === 'resident' && subject.lifeStatus === 'alive';
}
