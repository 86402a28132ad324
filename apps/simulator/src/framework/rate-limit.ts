/**
 * A sliding one-second window: at most `perSecond` calls. Departments that refuse bursts
 * (police 5/s, grid 5/s) answer the excess with their own "too many requests".
 */
export class RateLimit {
  private readonly stamps: number[] = [];

  constructor(private readonly perSecond: number) {}

  /** True when the call may go ahead (and counts it). */
  take(now = Date.now()): boolean {
    while (this.stamps.length > 0 && now - this.stamps[0] >= 1000) this.stamps.shift();
    if (this.stamps.length >= this.perSecond) return false;
    this.stamps.push(now);
    return true;
  }

  /** Seconds until a call would be allowed again (for Retry-After). */
  retryAfterSeconds(now = Date.now()): number {
    return this.stamps.length === 0 ? 0 : Math.max(1, Math.ceil((1000 - (now - this.stamps[0])) / 1000));
  }
}

/** The spec's "slow: 150-400 ms a call", only when realism is on. */
export function realisticDelay(realism: boolean, minMs: number, maxMs: number): Promise<void> {
  if (!realism) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, minMs + Math.random() * (maxMs - minMs)));
}
