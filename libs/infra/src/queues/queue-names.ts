import type { JobsOptions } from 'bullmq';

/** Every queue and job name the hub uses, in one place. */
export enum QueueName {
  Fanout = 'fanout',
  /** Long work started from the console (reconciliation), with progress; run by the worker. */
  Console = 'console-jobs',
}

export enum JobName {
  RouteEvent = 'route-event',
}

/** Jobs of the console queue (a queue's processor switches over its own names only). */
export enum ConsoleJobName {
  Reconcile = 'reconcile',
  /** Import every department's records, resolve and promote them (`import-all`, from the console). */
  Import = 'import',
  /** Promote the golden records into the unified record (`promote`, from the console). */
  Promote = 'promote',
}

/** The fan-out job carries ids and versions only: no personal data is ever written to Redis. */
export interface RouteEventPayload {
  eventId: string;
  kind: string;
  source: string;
  subjects: Array<{ type: 'resident' | 'household'; id: string; version: number }>;
  correlationId?: string;
}

export const fanoutJobId = (eventId: string | number): string => `evt-${eventId}`;

/**
 * Completed jobs are kept a day so that a re-enqueue of the same event (relay crash between
 * enqueue and mark) is recognised by its job id and dropped by BullMQ.
 */
export const FANOUT_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
