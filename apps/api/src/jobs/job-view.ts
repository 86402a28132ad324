import type { Job, JobState } from 'bullmq';
import type { JobProgress } from '@hub/infra';

export type ConsoleJobState = 'waiting' | 'active' | 'completed' | 'failed';

export interface JobView {
  id: string;
  kind: string;
  state: ConsoleJobState;
  progress: JobProgress;
  result: unknown;
  error: string | null;
}

/** BullMQ has more states than a progress bar needs: anything not yet running is waiting. */
export function consoleState(state: JobState | 'unknown'): ConsoleJobState {
  switch (state) {
    case 'active':
    case 'completed':
    case 'failed':
      return state;
    case 'waiting':
    case 'waiting-children':
    case 'delayed':
    case 'prioritized':
    case 'unknown':
      return 'waiting';
  }
}

/** Progress as the job reported it (`{ done, total }`); anything else reads as not started. */
export function progressOf(progress: unknown): JobProgress {
  const p = (progress ?? {}) as Partial<Record<keyof JobProgress, unknown>>;
  const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
  return { done: count(p.done), total: count(p.total) };
}

export function jobView(job: Job, state: JobState | 'unknown'): JobView {
  const shown = consoleState(state);
  return {
    id: String(job.id),
    kind: job.name,
    state: shown,
    progress: progressOf(job.progress),
    result: shown === 'completed' ? ((job.returnvalue as unknown) ?? null) : null,
    error: shown === 'failed' ? job.failedReason || '任务失败' : null,
  };
}
