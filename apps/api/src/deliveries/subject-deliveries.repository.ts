import type { DataSource, EntityManager } from 'typeorm';
import { scopeCondition, type Actor } from '@hub/record';
import type { LedgerRow } from './delivery-view';

type Db = DataSource | EntityManager;

/** A household's current member, with the version of their record. */
export interface CurrentMember {
  id: string;
  name: string;
  version: number;
}

/**
 * The console's reads of where a subject's changes went: the subject's version (within the
 * actor's scope, like the record itself) and its latest ledger row per system.
 */
export class SubjectDeliveriesRepository {
  constructor(private readonly db: Db) {}

  /** The resident's version, if the actor may see the resident. */
  async residentVersion(actor: Actor, id: string): Promise<number | undefined> {
    const params: unknown[] = [id];
    const rows: Array<{ version: number }> = await this.db.query(
      `SELECT version FROM resident r WHERE r.id = $1 AND ${scopeCondition(actor, 'r.community_code', params)}`,
      params,
    );
    return rows[0]?.version;
  }

  /** The household's version, if the actor may see the household. */
  async householdVersion(actor: Actor, id: string): Promise<number | undefined> {
    const params: unknown[] = [id];
    const rows: Array<{ version: number }> = await this.db.query(
      `SELECT version FROM household h WHERE h.id = $1 AND ${scopeCondition(actor, 'h.community_code', params)}`,
      params,
    );
    return rows[0]?.version;
  }

  /** The household's members who have not left, in the order they joined. */
  currentMembers(householdId: string): Promise<CurrentMember[]> {
    return this.db.query(
      `SELECT r.id, r.name, r.version FROM household_member m JOIN resident r ON r.id = m.resident_id
        WHERE m.household_id = $1 AND m.left_on IS NULL ORDER BY m.id`,
      [householdId],
    );
  }

  /** Per subject id (of one type), its latest row in each system. */
  async latest(type: string, ids: string[]): Promise<Map<string, LedgerRow[]>> {
    const byId = new Map<string, LedgerRow[]>();
    if (ids.length === 0) return byId;
    const rows: Array<LedgerRow & { subject_id: string }> = await this.db.query(
      `SELECT DISTINCT ON (subject_id, system) subject_id, system, version, status, action, attempts,
              error_kind, last_error, updated_at
         FROM delivery WHERE subject_id = ANY($1::uuid[]) AND subject_type = $2
        ORDER BY subject_id, system, version DESC`,
      [ids, type],
    );
    for (const row of rows) byId.set(row.subject_id, [...(byId.get(row.subject_id) ?? []), row]);
    return byId;
  }
}
