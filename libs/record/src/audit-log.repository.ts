import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from './actor';

type Db = DataSource | EntityManager;

/** The record's own rows of the audit log (a change's row is written with its event). */
export class AuditLogRepository {
  constructor(private readonly db: Db) {}

  /** The actor read the subject's record (`<type>.read`). */
  async read(actor: Actor, type: string, id: string, community: string): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id, community_code, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [actor.userId, actor.role, `${type}.read`, type, id, community, actor.correlationId ?? null],
    );
  }
}
