import type { DataSource, EntityManager } from 'typeorm';
import { ACTIVE_GOLDEN } from './golden-person.repository';
import { toStaged, type StagedPerson } from './source-record.repository';

/** How many golden records (persons) are held in `systems` systems. */
export interface SystemSpread {
  systems: number;
  persons: number;
}

/** Per system: records held, and how many of them belong to persons other systems hold too. */
export interface SystemShare {
  system: string;
  records: number;
  shared: number;
}

export interface MembershipTotals {
  activeGolden: number;
  sources: number;
  /** Source records whose golden record has another source record. */
  linked: number;
}

/**
 * Which source records make each golden record (`source_record.golden_id`), as review and
 * record-at-a-time matching read and move them one record or pair at a time, and the overlap
 * report's counts of it.
 */
export class GoldenMembershipRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The staged records by row id, in the order asked. */
  async records(rowIds: readonly string[]): Promise<StagedPerson[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT * FROM source_record WHERE id = ANY($1::bigint[]) ORDER BY array_position($1::bigint[], id)`,
      [rowIds],
    );
    return rows.map(toStaged);
  }

  /** Points the records at golden record `goldenId`. */
  async assign(goldenId: string, rowIds: readonly string[]): Promise<void> {
    await this.db.query(`UPDATE source_record SET golden_id = $1 WHERE id = ANY($2::bigint[])`, [
      goldenId,
      rowIds,
    ]);
  }

  /** Points one record at golden record `goldenId`. */
  async link(rowId: string, goldenId: string): Promise<void> {
    await this.db.query(`UPDATE source_record SET golden_id = $2 WHERE id = $1`, [rowId, goldenId]);
  }

  /** Whether any source record points at the golden id. */
  async isHeld(goldenId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM source_record WHERE golden_id = $1 LIMIT 1`, [
      goldenId,
    ]);
    return rows.length > 0;
  }

  /** The source keys of a golden record, in key order. */
  async sourcesOf(goldenId: string): Promise<Array<{ system: string; recordId: string }>> {
    const rows: Array<{ system: string; record_id: string }> = await this.db.query(
      `SELECT system, record_id FROM source_record WHERE golden_id = $1 ORDER BY system, record_id`,
      [goldenId],
    );
    return rows.map((r) => ({ system: r.system, recordId: r.record_id }));
  }

  /** Golden records counted by how many systems hold them, fewest systems first. */
  async spread(): Promise<SystemSpread[]> {
    return this.db.query(
      `SELECT systems, count(*)::int AS persons FROM (
         SELECT count(DISTINCT system)::int AS systems FROM source_record WHERE golden_id IS NOT NULL GROUP BY golden_id
       ) t GROUP BY systems ORDER BY systems`,
    );
  }

  /** Per system (in name order): its records, and those whose person another system holds too. */
  async shares(): Promise<SystemShare[]> {
    return this.db.query(
      `WITH spread AS (SELECT golden_id, count(DISTINCT system) AS n FROM source_record GROUP BY golden_id)
       SELECT s.system, count(*)::int AS records, count(*) FILTER (WHERE sp.n > 1)::int AS shared
         FROM source_record s JOIN spread sp ON sp.golden_id = s.golden_id GROUP BY s.system ORDER BY s.system`,
    );
  }

  async totals(): Promise<MembershipTotals> {
    const [totals]: Array<{ golden: number; sources: number; linked: number }> = await this.db.query(
      `SELECT (SELECT count(*)::int FROM golden_person WHERE ${ACTIVE_GOLDEN}) AS golden,
              (SELECT count(*)::int FROM source_record) AS sources,
              (SELECT count(*)::int FROM source_record s WHERE EXISTS (
                 SELECT 1 FROM source_record o WHERE o.golden_id = s.golden_id AND o.id <> s.id)) AS linked`,
    );
    return { activeGolden: totals.golden, sources: totals.sources, linked: totals.linked };
  }
}
