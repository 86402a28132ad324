import type { Job } from 'bullmq';
import { consoleState, jobView, progressOf } from './job-view';

describe(consoleState.name, () => {
  it.each([
    ['waiting', 'waiting'],
    ['delayed', 'waiting'],
    ['prioritized', 'waiting'],
    ['waiting-children', 'waiting'],
    ['unknown', 'waiting'],
    ['active', 'active'],
    ['completed', 'completed'],
    ['failed', 'failed'],
  ] as const)('shows BullMQ state %s as %s', (state, shown) => {
    expect(consoleState(state)).toBe(shown);
  });
});

describe(progressOf.name, () => {
  it('keeps counts the job reported', () => {
    expect(progressOf({ done: 250, total: 1000 })).toEqual({ done: 250, total: 1000 });
  });

  it('reads anything else as not started', () => {
    expect(progressOf(0)).toEqual({ done: 0, total: 0 });
    expect(progressOf({ done: 'x', total: -1 })).toEqual({ done: 0, total: 0 });
  });
});

describe(jobView.name, () => {
  const job = (over: Partial<Job>): Job =>
    ({ id: '7', name: 'reconcile', progress: { done: 3, total: 9 }, ...over }) as Job;

  it('answers the result only once the job completed', () => {
    expect(jobView(job({ returnvalue: { missing: 0 } }), 'completed')).toEqual({
      id: '7',
      kind: 'reconcile',
      state: 'completed',
      progress: { done: 3, total: 9 },
      result: { missing: 0 },
      error: null,
    });
    expect(jobView(job({ returnvalue: { missing: 0 } }), 'active').result).toBeNull();
  });

  it('answers why a failed job failed', () => {
    expect(jobView(job({ failedReason: '部门系统无应答' }), 'failed')).toMatchObject({
      state: 'failed',
      error: '部门系统无应答',
      result: null,
    });
  });
});
