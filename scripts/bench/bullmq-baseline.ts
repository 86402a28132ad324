import { Queue, Worker } from 'bullmq';
import { startTrivialServer } from './fanout-processes';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUEUES = 12;
/** The hub's delivery workers take 8 jobs at a time per system (DeliveryWorkers). */
const CONCURRENCY = 8;

export interface BaselineResult {
  jobs: number;
  seconds: number;
  perSecond: number;
  failed: number;
}

/**
 * The floor for the hub's delivery machinery: 12 bare queues, a worker of the same concurrency
 * on each, every job one HTTP POST to a local server that answers 200 at once (in its own
 * process, as the simulator is). No database, ledger, snapshot, mapping or signing. All jobs are
 * queued before the workers start, so the figure is the machinery's capacity, not an arrival rate.
 */
export async function bullmqBaseline(jobs: number, prefix: string): Promise<BaselineResult> {
  const server = await startTrivialServer();
  const connection = { url: REDIS_URL };
  const queues = Array.from({ length: QUEUES }, (_, q) => new Queue(`base-${q}`, { connection, prefix }));
  const workers: Worker[] = [];
  try {
    for (let from = 0; from < jobs; from += 1000) {
      const chunk = Array.from({ length: Math.min(1000, jobs - from) }, (_, k) => from + k);
      await Promise.all(
        queues.map((queue, q) =>
          queue.addBulk(
            chunk
              .filter((n) => n % QUEUES === q)
              .map((n) => ({
                name: 'deliver',
                data: { subjectType: 'resident', subjectId: String(n) },
                opts: { jobId: `resident-${n}`, attempts: 12, removeOnComplete: true, removeOnFail: true },
              })),
          ),
        ),
      );
    }
    let done = 0;
    let failed = 0;
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const started = performance.now();
    for (let q = 0; q < QUEUES; q++) {
      const worker = new Worker(
        `base-${q}`,
        async (job) => {
          const res = await fetch(server.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(job.data),
            signal: AbortSignal.timeout(10_000),
          });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        },
        { connection, prefix, concurrency: CONCURRENCY },
      );
      const settle = (): void => {
        if (done + failed === jobs) finish();
      };
      worker.on('completed', () => {
        done += 1;
        settle();
      });
      worker.on('failed', (job) => {
        // A job with attempts left goes back to the queue; count only the final failures.
        if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) failed += 1;
        settle();
      });
      workers.push(worker);
    }
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`baseline: ${done} of ${jobs} jobs after 5 min`)), 300_000).unref(),
    );
    await Promise.race([finished, timeout]);
    const seconds = (performance.now() - started) / 1000;
    return { jobs, seconds, perSecond: done / seconds, failed };
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await Promise.all(queues.map((q) => q.close()));
    await server.stop();
  }
}
