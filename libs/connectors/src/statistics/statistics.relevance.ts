import type { SubjectSnapshot } from '@hub/domain';

/**
 * `statistics` never receives a person or a household (minimisation): it takes aggregate reports
 * only, so no subject is ever relevant and the hub never calls push or end for it.
 */
export const statisticsRelevant = (_subject: SubjectSnapshot, _on: Date): boolean => false;
