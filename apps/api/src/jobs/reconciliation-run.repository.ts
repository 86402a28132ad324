import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

/** One compared record that differed; `fields` when both sides held it with different values. */
export type RunDifference = {
  fields?: Array<{ field: string; hub: unknown; department: unknown }>;
} & Record<string, unknown>;

/** A reconciliation run as the console lists it (counts, differences, the job that ran it). */
export type ReconciliationRun = Record<string, unknown> & {
  id: string;
  system: string;
  error: string | null;
  differences: RunDifference[];
};

/** The reconciliation runs (`reconciliation_run`) the console and the nightly job record. */
export class ReconciliationRunRepository {
  constructor(private readonly db: Db) {}

  /** The latest run of each system that has one. */
  latestPerSystem(): Promise<ReconciliationRun[]> {
    return this.db.query(
      `SELECT DISTINCT ON (system) id::text AS id, system, status, repair, expected, held, missing,
                extra, different, duplicates, repaired, differences, error, job_id AS "jobId",
                started_at AS "startedAt", finished_at AS "finishedAt"
           FROM reconciliation_run ORDER BY system, finished_at DESC, id DESC`,
    );
  }
}
