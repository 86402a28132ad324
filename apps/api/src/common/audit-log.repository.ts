import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@hub/record';

type Db = DataSource | EntityManager;

/** What the api itself writes to `audit_log` (the record's reads and changes are audited by @hub/record). */
export class AuditLogRepository {
  constructor(private readonly db: Db) {}

  /** One row per resident an operator looked up in the delivery search. */
  async deliverySearched(actor: Actor, people: Array<{ id: string; communityCode: string }>): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id, community_code, correlation_id)
       SELECT $1, $2, 'resident.delivery-search', 'resident', id, community, $3
         FROM unnest($4::uuid[], $5::text[]) AS t(id, community)`,
      [
        actor.userId,
        actor.role,
        actor.correlationId ?? null,
        people.map((p) => p.id),
        people.map((p) => p.communityCode),
      ],
    );
  }
}
