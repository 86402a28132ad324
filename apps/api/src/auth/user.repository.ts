import type { DataSource, EntityManager, Repository } from 'typeorm';
import { AppUser } from '@hub/database';

/** The accounts (`app_user`) as login reads and counts them. */
export class UserRepository {
  private readonly users: Repository<AppUser>;

  constructor(db: DataSource | EntityManager) {
    this.users = db.getRepository(AppUser);
  }

  /** The account with this username, its password hash included (the entity leaves it out by default). */
  withPasswordHash(username: string): Promise<AppUser | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
  }

  /**
   * Counts a failed login in one statement (concurrent attempts on any replica all count); the
   * attempt that reaches `maxFailed` locks the account for `lockMinutes`.
   */
  async countFailedLogin(id: string, maxFailed: number, lockMinutes: number): Promise<void> {
    await this.users.query(
      `UPDATE app_user SET failed_logins = failed_logins + 1,
         locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) END
       WHERE id = $1`,
      [id, maxFailed, lockMinutes],
    );
  }

  /** After a successful login: no failures counted, not locked. */
  async clearFailedLogins(id: string): Promise<void> {
    await this.users.update(id, { failedLogins: 0, lockedUntil: null });
  }
}
