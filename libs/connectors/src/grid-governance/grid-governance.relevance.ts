import { isActiveResident, type SubjectSnapshot } from '@hub/domain';

/**
 * "Every resident and household, with grid cell": a living, present resident whose current
 * address lies in a grid cell, and an active household whose address does. Without a grid cell
 * the platform cannot file the record (gridCode is its key to the grid worker).
 */
export function isGridGovernanceRelevant(subject: SubjectSnapshot, _on: Date): boolean {
  if (subject.type === 'household') return subject.status === 'active' && !!subject.address.gridCode;
  return isActiveResident(subject) && !!subject.currentAddress?.gridCode;
}
