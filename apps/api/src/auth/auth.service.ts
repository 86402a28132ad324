import { HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import type { TokenClaims } from './auth.types';
import { UserRepository } from './user.repository';

const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;

/**
 * Password login. Failed attempts are counted on the account (shared by every api replica);
 * after five the account is locked for fifteen minutes.
 */
@Injectable()
export class AuthService {
  /** Verifying against a throwaway hash keeps unknown usernames as slow as wrong passwords. */
  private readonly decoyHash = argon2.hash('decoy-password-for-timing');

  private readonly users: UserRepository;

  constructor(
    db: DataSource,
    private readonly jwt: JwtService,
  ) {
    this.users = new UserRepository(db);
  }

  async login(username: string, password: string): Promise<{ token: string; user: Record<string, unknown> }> {
    const user = await this.users.withPasswordHash(username);
    if (!user) {
      await argon2.verify(await this.decoyHash, password).catch(() => false);
      throw new UnauthorizedException('用户名或密码错误');
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      throw new HttpException(
        `登录失败次数过多，账号已锁定，请${LOCK_MINUTES}分钟后再试`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    if (!(await argon2.verify(user.passwordHash, password))) {
      await this.users.countFailedLogin(user.id, MAX_FAILED_LOGINS, LOCK_MINUTES);
      throw new UnauthorizedException('用户名或密码错误');
    }
    await this.users.clearFailedLogins(user.id);
    const claims: TokenClaims = {
      sub: user.id,
      role: user.role,
      community: user.communityCode,
      street: user.streetCode,
      permissions: user.permissions,
    };
    return {
      token: await this.jwt.signAsync(claims),
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        communityCode: user.communityCode,
        streetCode: user.streetCode,
        permissions: user.permissions,
      },
    };
  }
}
