/** What one attempt reports: success, or a short label that groups the failures when printed. */
export type Attempt = { ok: true } | { ok: false; label: string };

export interface LoadResult {
  ok: number;
  failures: Map<string, number>;
  /** Latency of every finished attempt (successes and failures), in milliseconds. */
  latenciesMs: number[];
  elapsedS: number;
}

/**
 * Closed loop: `concurrency` workers each start their next attempt as soon as the previous one
 * answers, until the deadline. What is in flight at the deadline is allowed to finish and is
 * counted, and the elapsed time runs until the last one has, so the rate is not flattered.
 * Each attempt takes its own household from the caller's generator.
 */
export async function closedLoop(
  options: { concurrency: number; seconds: number },
  attempt: () => Promise<Attempt>,
): Promise<LoadResult> {
  const result: LoadResult = { ok: 0, failures: new Map(), latenciesMs: [], elapsedS: 0 };
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      let outcome: Attempt;
      try {
        outcome = await attempt();
      } catch (error) {
        outcome = { ok: false, label: `error ${(error as Error).message}` };
      }
      result.latenciesMs.push(performance.now() - t0);
      if (outcome.ok) result.ok += 1;
      else result.failures.set(outcome.label, (result.failures.get(outcome.label) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  result.elapsedS = (performance.now() - started) / 1000;
  return result;
}

export const failedCount = (r: LoadResult): number => [...r.failures.values()].reduce((a, b) => a + b, 0);

export interface Summary {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export type Percentiles = Omit<Summary, 'perSecond'>;

/** Nearest-rank percentiles (NaN when there is nothing to rank). */
export function percentiles(values: ArrayLike<number>): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const rank = (p: number): number =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : NaN;
  return {
    p50: rank(0.5),
    p95: rank(0.95),
    p99: rank(0.99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/** Percentiles over all attempts; throughput counts successes only. */
export function summarise(r: LoadResult): Summary {
  return { perSecond: r.ok / r.elapsedS, ...percentiles(r.latenciesMs) };
}
