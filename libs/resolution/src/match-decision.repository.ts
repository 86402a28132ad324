import type { DataSource, EntityManager } from 'typeorm';

/** What staff decided about two source records (ck_match_decision_kind). */
export type DecisionKind = 'merge' | 'keep_apart';

/** A source record by its keys: decisions outlive the staged row ids a re-import may change. */
export interface SourceKey {
  system: string;
  recordId: string;
}

/** A standing staff decision between two source records, by their source keys. */
export interface StandingDecision {
  kind: DecisionKind;
  a: SourceKey;
  b: SourceKey;
}

/** The people's decisions (table `match_decision`), kept by source keys so re-imports respect them. */
export class MatchDecisionRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async record(kind: DecisionKind, a: SourceKey, b: SourceKey, decidedBy: string): Promise<void> {
    await this.db.query(
      `INSERT INTO match_decision (kind, a_system, a_record_id, b_system, b_record_id, decided_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [kind, a.system, a.recordId, b.system, b.recordId, decidedBy],
    );
  }

  /** Decisions not revoked, oldest first (what a full resolution applies on top of the model). */
  async standing(): Promise<StandingDecision[]> {
    const rows: Array<{
      kind: DecisionKind;
      a_system: string;
      a_record_id: string;
      b_system: string;
      b_record_id: string;
    }> = await this.db.query(
      `SELECT kind, a_system, a_record_id, b_system, b_record_id FROM match_decision
          WHERE revoked_at IS NULL ORDER BY id`,
    );
    return rows.map((row) => ({
      kind: row.kind,
      a: { system: row.a_system, recordId: row.a_record_id },
      b: { system: row.b_system, recordId: row.b_record_id },
    }));
  }

  /** Revokes the standing merges between any two of the records (keys as `system/recordId`). */
  async revokeMergesAmong(keys: readonly string[]): Promise<void> {
    await this.db.query(
      `UPDATE match_decision SET revoked_at = now()
        WHERE kind = 'merge' AND revoked_at IS NULL
          AND (a_system || '/' || a_record_id) = ANY($1) AND (b_system || '/' || b_record_id) = ANY($1)`,
      [keys],
    );
  }

  /** The records (as `system/recordId`) staff decided stand apart from this one. */
  async keptApartFrom(record: SourceKey): Promise<string[]> {
    const rows: Array<{ other: string }> = await this.db.query(
      `SELECT CASE WHEN a_system = $1 AND a_record_id = $2 THEN b_system || '/' || b_record_id
                   ELSE a_system || '/' || a_record_id END AS other
         FROM match_decision
        WHERE kind = 'keep_apart' AND revoked_at IS NULL
          AND ((a_system = $1 AND a_record_id = $2) OR (b_system = $1 AND b_record_id = $2))`,
      [record.system, record.recordId],
    );
    return rows.map((r) => r.other);
  }
}
