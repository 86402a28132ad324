import type { UserRole } from '@hub/database';

/** Who makes a request, with the scope the server enforces on every query. */
export interface Actor {
  userId: string;
  role: UserRole;
  communityCode: string | null;
  streetCode: string | null;
  permissions: readonly string[];
  correlationId?: string;
}

/** Where a change comes from: the community (the hub's own entry form) or a department's slug. */
export type ChangeSource = string;

export const canSeeCorrections = (actor: Actor): boolean =>
  actor.role === 'admin' || actor.permissions.includes('corrections');

/** IT operators steer queues; they see personal data masked and never change the record. */
export const seesPersonalData = (actor: Actor): boolean => actor.role !== 'it_operator';

export const canWrite = (actor: Actor): boolean => actor.role !== 'it_operator';

/**
 * A SQL condition limiting `column` (a community code) to the actor's scope; the parameter is
 * appended to `params`. Admins and IT operators see the whole city.
 */
export function scopeCondition(actor: Actor, column: string, params: unknown[]): string {
  switch (actor.role) {
    case 'community_worker':
      params.push(actor.communityCode);
      return `${column} = $${params.length}`;
    case 'street_supervisor':
      params.push(actor.streetCode);
      return `${column} IN (SELECT code FROM community WHERE street_code = $${params.length})`;
    case 'it_operator':
    case 'admin':
      return 'TRUE';
  }
}
