import type { JobsOptions } from 'bullmq';

/** One queue per departmental system. */
export const deliveryQueueName = (system: string): string => `deliver-${system}`;

export const DELIVER_JOB = 'deliver-subject';

export interface DeliverPayload {
  subjectType: 'resident' | 'household';
  subjectId: string;
}

/**
 * One job id per (system, subject): while a delivery waits, newer changes add nothing (the job
 * reads the latest state when it runs); finished jobs are removed so the next change can enqueue.
 * The ledger in PostgreSQL, not Redis, remembers outcomes.
 */
export const deliverJobId = (subjectType: string, subjectId: string): string => `${subjectType}-${subjectId}`;

export const DELIVER_JOB_OPTIONS: JobsOptions = {
  attempts: 12,
  backoff: { type: 'jittered' },
  removeOnComplete: true,
  removeOnFail: true,
};

/** Exponential backoff with full jitter: 1 s, 2 s, 4 s … capped at 5 minutes. */
export function jitteredBackoff(attemptsMade: number): number {
  const ceiling = Math.min(300_000, 1000 * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
