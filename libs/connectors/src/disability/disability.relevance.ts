import { isActiveResident, type SubjectSnapshot } from '@hub/domain';

/**
 * Residents holding a disability certificate (the unified record's disability tag), alive and
 * present; no age rule. Losing the tag, dying or moving away ends the certificate in the system
 * (revoked / deceased). Households are not persons here.
 */
export function isDisabilityRelevant(subject: SubjectSnapshot, _on: Date): boolean {
  return subject.type === 'resident' && subject.disability !== null && isActiveResident(subject);
}
