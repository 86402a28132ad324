import { createHash } from 'node:crypto';
import type { SourceHousehold } from '@hub/matching';
import { stringify } from 'safe-stable-stringify';
import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

const hashOf = (h: SourceHousehold): string =>
  createHash('sha1')
    .update(stringify(h) ?? '')
    .digest('hex');

/**
 * The departments' own households as staged evidence (table `source_household`: the grid
 * platform's houses), upserted in batches like the persons; promotion reads them back.
 */
export class SourceHouseholdRepository {
  constructor(private readonly db: Db) {}

  /** One statement per batch; unchanged houses keep their import time. */
  async upsert(households: readonly SourceHousehold[], runStartedAt: Date): Promise<number> {
    const unique = [...new Map(households.map((h) => [`${h.system}\u0000${h.recordId}`, h])).values()];
    if (unique.length === 0) return 0;
    const rows: unknown[] = await this.db.query(
      `INSERT INTO source_household (system, record_id, member_record_ids, head_record_id, address, grid_code,
                                     content_hash, seen_at)
       SELECT system, record_id, members::text[], head, address::jsonb, grid_code, hash, $8
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           AS t(system, record_id, members, head, address, grid_code, hash)
       ON CONFLICT ON CONSTRAINT uq_source_household DO UPDATE SET
         member_record_ids = EXCLUDED.member_record_ids, head_record_id = EXCLUDED.head_record_id,
         address = EXCLUDED.address, grid_code = EXCLUDED.grid_code, content_hash = EXCLUDED.content_hash,
         seen_at = EXCLUDED.seen_at,
         imported_at = CASE WHEN source_household.content_hash = EXCLUDED.content_hash
                            THEN source_household.imported_at ELSE now() END
       RETURNING 1`,
      [
        unique.map((h) => h.system),
        unique.map((h) => h.recordId),
        // A text[] per row travels as its array literal; unnest cannot take an array of arrays.
        unique.map((h) => `{${h.memberRecordIds.map((id) => JSON.stringify(id)).join(',')}}`),
        unique.map((h) => h.headRecordId),
        unique.map((h) => (h.address ? JSON.stringify(h.address) : null)),
        unique.map((h) => h.gridCode),
        unique.map(hashOf),
        runStartedAt,
      ],
    );
    return rows.length;
  }

  /** Houses a system no longer holds (not seen by an import of it that started at `since`). */
  async removeUnseen(system: string, since: Date): Promise<number> {
    const [{ removed }]: Array<{ removed: number }> = await this.db.query(
      `WITH gone AS (DELETE FROM source_household WHERE system = $1 AND seen_at < $2 RETURNING 1)
       SELECT count(*)::int AS removed FROM gone`,
      [system, since],
    );
    return removed;
  }
}
