import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface OverlapReport {
  goldenRecords: number;
  sourceRecords: number;
  /** How many persons are held in 1, 2, … systems. */
  personsBySystemCount: Record<string, number>;
  /** Per system: records held, and how many of its persons also appear elsewhere. */
  systems: Array<{ system: string; records: number; sharedWithOthers: number }>;
  /** Entries a year the enter-once flow saves, with the assumption it rests on. */
  entriesSavedPerYear: number;
  changesPerPersonPerYear: number;
  autoLinkShare: number;
  reviewBacklog: number;
  decided: { merged: number; keptApart: number };
}

/**
 * The burden the twelve systems put on community offices, measured on the resolved data: a person
 * held in k systems costs k entries per change today and one with the hub, so each change saves k − 1.
 */
@Injectable()
export class OverlapReportService {
  constructor(private readonly db: DataSource) {}

  async report(changesPerPersonPerYear = 2): Promise<OverlapReport> {
    const spread: Array<{ systems: number; persons: number }> = await this.db.query(
      `SELECT systems, count(*)::int AS persons FROM (
         SELECT count(DISTINCT system)::int AS systems FROM source_record WHERE golden_id IS NOT NULL GROUP BY golden_id
       ) t GROUP BY systems ORDER BY systems`,
    );
    const perSystem: Array<{ system: string; records: number; shared: number }> = await this.db.query(
      `WITH spread AS (SELECT golden_id, count(DISTINCT system) AS n FROM source_record GROUP BY golden_id)
       SELECT s.system, count(*)::int AS records, count(*) FILTER (WHERE sp.n > 1)::int AS shared
         FROM source_record s JOIN spread sp ON sp.golden_id = s.golden_id GROUP BY s.system ORDER BY s.system`,
    );
    const [totals]: Array<{ golden: number; sources: number; linked: number }> = await this.db.query(
      `SELECT (SELECT count(*)::int FROM golden_person WHERE status = 'active') AS golden,
              (SELECT count(*)::int FROM source_record) AS sources,
              (SELECT count(*)::int FROM source_record s WHERE EXISTS (
                 SELECT 1 FROM source_record o WHERE o.golden_id = s.golden_id AND o.id <> s.id)) AS linked`,
    );
    const reviews: Array<{ status: string; n: number }> = await this.db.query(
      `SELECT status, count(*)::int AS n FROM match_review GROUP BY status`,
    );
    const count = (status: string) => reviews.find((r) => r.status === status)?.n ?? 0;
    const extraEntries = spread.reduce((sum, s) => sum + (s.systems - 1) * s.persons, 0);
    return {
      goldenRecords: totals.golden,
      sourceRecords: totals.sources,
      personsBySystemCount: Object.fromEntries(spread.map((s) => [String(s.systems), s.persons])),
      systems: perSystem.map((s) => ({ system: s.system, records: s.records, sharedWithOthers: s.shared })),
      entriesSavedPerYear: Math.round(extraEntries * changesPerPersonPerYear),
      changesPerPersonPerYear,
      autoLinkShare: totals.sources ? totals.linked / totals.sources : 0,
      reviewBacklog: count('pending'),
      decided: { merged: count('merged'), keptApart: count('kept_apart') },
    };
  }
}
