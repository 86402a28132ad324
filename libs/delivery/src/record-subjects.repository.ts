import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

/** A resident merged into another (a duplicate found after go-live) is that one now, not a subject. */
const CURRENT_RESIDENT = `merged_into IS NULL`;

/**
 * Which subjects of the unified record (residents, households) a whole-record pass of delivery
 * goes over (reconciliation, statistics); their state is read as snapshots by SnapshotService.
 */
export class RecordSubjectsRepository {
  constructor(private readonly db: Db) {}

  /** How many subjects the record holds. */
  async count(): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.db.query(
      `SELECT (SELECT count(*) FROM resident WHERE ${CURRENT_RESIDENT})::int + (SELECT count(*) FROM household)::int AS n`,
    );
    return n;
  }

  async residentIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM resident WHERE ${CURRENT_RESIDENT} ORDER BY id`,
    );
    return rows.map((r) => r.id);
  }

  async householdIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM household ORDER BY id`);
    return rows.map((r) => r.id);
  }

  /** Every community a resident has been recorded in. */
  async communityCodes(): Promise<string[]> {
    const rows: Array<{ community_code: string }> = await this.db.query(
      `SELECT DISTINCT community_code FROM resident ORDER BY community_code`,
    );
    return rows.map((r) => r.community_code);
  }

  async residentIdsIn(communityCode: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM resident WHERE community_code = $1 AND ${CURRENT_RESIDENT}`,
      [communityCode],
    );
    return rows.map((r) => r.id);
  }

  async householdIdsIn(communityCode: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM household WHERE community_code = $1`,
      [communityCode],
    );
    return rows.map((r) => r.id);
  }
}
