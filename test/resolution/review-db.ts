import type { SourcePerson } from '@hub/matching';
import type { DataSource } from 'typeorm';

/** What the e2e flow reads straight from the database, by the departments' own record keys. */
export class ReviewDb {
  constructor(private readonly db: DataSource) {}

  async goldenOf(p: SourcePerson): Promise<string> {
    const [row]: Array<{ golden_id: string }> = await this.db.query(
      `SELECT golden_id FROM source_record WHERE system = $1 AND record_id = $2`,
      [p.system, p.recordId],
    );
    return row.golden_id;
  }

  /** The review row of a pair, whatever its status. */
  async review(x: SourcePerson, y: SourcePerson): Promise<{ id: string; status: string } | undefined> {
    const rows: Array<{ id: string; status: string }> = await this.db.query(
      `SELECT r.id, r.status FROM match_review r
         JOIN source_record a ON a.id = r.a_record JOIN source_record b ON b.id = r.b_record
        WHERE (a.system, a.record_id, b.system, b.record_id) IN (($1, $2, $3, $4), ($3, $4, $1, $2))`,
      [x.system, x.recordId, y.system, y.recordId],
    );
    return rows[0];
  }

  /** Pending reviews between any record of one golden record and any of the other. */
  async pendingBetween(g1: string, g2: string): Promise<number> {
    const [row]: Array<{ n: number }> = await this.db.query(
      `SELECT count(*)::int AS n FROM match_review r
         JOIN source_record a ON a.id = r.a_record JOIN source_record b ON b.id = r.b_record
        WHERE r.status = 'pending'
          AND ((a.golden_id = $1 AND b.golden_id = $2) OR (a.golden_id = $2 AND b.golden_id = $1))`,
      [g1, g2],
    );
    return row.n;
  }

  /** A golden record's values (what a merge recomputes), without its id and timestamps. */
  async goldenValues(id: string): Promise<Record<string, unknown>> {
    const [row]: Array<Record<string, unknown>> = await this.db.query(
      `SELECT id_number, name, gender, birth_date, phone, address, attributes, community_code, status
         FROM golden_person WHERE id = $1`,
      [id],
    );
    return row;
  }

  /** Every staged record, every column but the golden id. */
  async sourceRows(): Promise<Array<Record<string, unknown>>> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT * FROM source_record ORDER BY id`,
    );
    return rows.map(({ golden_id: _golden, ...rest }) => rest);
  }

  /** Everything a refused request must leave as it was. */
  async state(): Promise<unknown> {
    return Promise.all([
      this.db.query(`SELECT id, status, decided_by FROM match_review ORDER BY id`),
      this.db.query(`SELECT id, status, updated_at FROM golden_person ORDER BY id`),
      this.db.query(`SELECT id, golden_id FROM source_record ORDER BY id`),
      this.db.query(`SELECT count(*)::int AS n FROM match_decision`),
      this.db.query(`SELECT count(*)::int AS n FROM golden_history`),
    ]);
  }
}
