import { ConnectorError } from '../common';
import { processingState } from './family-planning.codes';
import type { InboundOutcome } from './family-planning.types';

interface Waiter {
  resolve: (outcome: InboundOutcome) => void;
  reject: (error: Error) => void;
  deadline: number;
}

/** Reads the outcomes of many exchange rows in one query. */
export type OutcomeReader = (serials: string[]) => Promise<Map<string, InboundOutcome>>;

/**
 * Waits for the department to process exchange rows. Every pending delivery waits here rather
 * than polling on its own, so a hundred deliveries in flight cost one query a tick, and the
 * number in flight is not bounded by the department's processing time.
 */
export class OutcomeWatcher {
  private readonly waiting = new Map<string, Waiter[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly read: OutcomeReader,
    private readonly intervalMs: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Resolves with the processed row, rejects when refused (final) or still pending after maxWaitMs. */
  wait(ywlsh: string): Promise<InboundOutcome> {
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(ywlsh) ?? [];
      list.push({ resolve, reject, deadline: Date.now() + this.maxWaitMs });
      this.waiting.set(ywlsh, list);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer || this.waiting.size === 0) return;
    this.timer = setTimeout(() => void this.tick(), this.intervalMs);
  }

  private async tick(): Promise<void> {
    const serials = [...this.waiting.keys()];
    let outcomes: Map<string, InboundOutcome> | undefined;
    let failure: Error | undefined;
    try {
      outcomes = await this.read(serials);
    } catch (error) {
      failure = ConnectorError.temporary(`family-planning: ${(error as Error).message}`);
    }
    const now = Date.now();
    for (const serial of serials) {
      const waiters = this.waiting.get(serial) ?? [];
      const settled = this.settle(serial, outcomes, failure);
      const remaining = waiters.filter((waiter) => {
        if (settled) {
          if (settled instanceof Error) waiter.reject(settled);
          else waiter.resolve(settled);
          return false;
        }
        if (now < waiter.deadline) return true;
        waiter.reject(ConnectorError.temporary(`family-planning: still pending after ${this.maxWaitMs} ms`));
        return false;
      });
      if (remaining.length > 0) this.waiting.set(serial, remaining);
      else this.waiting.delete(serial);
    }
    this.timer = undefined;
    this.schedule();
  }

  /** The row's verdict: done, refused (final), gone, or undefined while still pending. */
  private settle(
    serial: string,
    outcomes: Map<string, InboundOutcome> | undefined,
    failure: Error | undefined,
  ): InboundOutcome | Error | undefined {
    if (failure) return failure;
    const outcome = outcomes?.get(serial);
    if (!outcome) return ConnectorError.temporary('family-planning: the exchange row is missing');
    const state = processingState(outcome.clzt);
    if (state === 'done') return outcome;
    if (state === 'rejected')
      return ConnectorError.refused(outcome.clxx ?? '处理失败', { departmentCode: '9' });
    return undefined;
  }

  /** Rejects everyone still waiting (shutdown). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const waiters of this.waiting.values()) {
      for (const waiter of waiters)
        waiter.reject(ConnectorError.temporary('family-planning: connector closed'));
    }
    this.waiting.clear();
  }
}
