import type { JobsOptions } from 'bullmq';

/** A reconciliation asked for in the console: ids and flags only, no personal data in Redis. */
export interface ReconcileJobPayload {
  system: string;
  repair: boolean;
  /** The user who started it (app_user id). */
  requestedBy: string | null;
}

/** How far a long job is, in the units it counts (subjects compared, deliveries retried …). */
export interface JobProgress {
  done: number;
  total: number;
}

/** What a finished reconciliation job answers: counts and the stored run, never the differences. */
export interface ReconcileJobResult {
  runId: string;
  system: string;
  expected: number;
  held: number;
  missing: number;
  extra: number;
  different: number;
  duplicates: number;
  repaired: number;
}

/**
 * A console job runs once (an operator starts another if it failed); finished jobs stay a week
 * so the console can still show how one ended.
 */
export const CONSOLE_JOB_OPTIONS: JobsOptions = {
  attempts: 1,
  removeOnComplete: { age: 7 * 24 * 3600, count: 500 },
  removeOnFail: { age: 7 * 24 * 3600, count: 500 },
};
