import type { UserRole } from '@hub/database';

/** What the signed token says about its holder; scope is re-checked on every query. */
export interface TokenClaims {
  sub: string;
  role: UserRole;
  community: string | null;
  street: string | null;
  permissions: string[];
}
