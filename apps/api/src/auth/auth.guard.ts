import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import type { UserRole } from '@hub/database';
import { RecordError, type Actor } from '@hub/record';
import type { TokenClaims } from './auth.types';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/** Every route needs a valid token unless marked public; the actor is built from its claims. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor; id?: unknown }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('请先登录，或登录已过期');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthorizedException('请先登录，或登录已过期');
    }
    request.actor = {
      userId: claims.sub,
      role: claims.role,
      communityCode: claims.community,
      streetCode: claims.street,
      permissions: claims.permissions,
      correlationId: typeof request.id === 'string' ? request.id : undefined,
    };
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(claims.role)) throw new RecordError('forbidden', '您的角色没有该操作的权限');
    return true;
  }
}
