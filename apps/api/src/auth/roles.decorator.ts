import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { UserRole } from '@hub/database';
import type { Actor } from '@hub/record';

export const ROLES_KEY = 'hub:roles';
export const PUBLIC_KEY = 'hub:public';

/** Only these roles may call the endpoint (the record still scopes each query). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES_KEY, roles);

/** No login needed (login itself, health, API docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Roles that change residents; IT operators only watch. */
export const WRITERS: UserRole[] = ['community_worker', 'street_supervisor', 'admin'];

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<{ actor: Actor }>();
  return request.actor;
});
