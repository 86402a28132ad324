import { QueueName } from '@hub/infra';
import {
  createOutboxTestEnv,
  fanoutJobCensus,
  insertEvents,
  type OutboxTestEnv,
  outboxStats,
  sleep,
  spawnWorker,
  waitFor,
  type WorkerProcess,
} from './support';

/** Inserts `total` events as `batches` separate transactions, `gapMs` apart, like a stream of API commits. */
async function insertOverTime(
  env: OutboxTestEnv,
  total: number,
  batches: number,
  gapMs: number,
): Promise<void> {
  for (let i = 0; i < batches; i++) {
    await insertEvents(env.pool, total / batches);
    await sleep(gapMs);
  }
}

describe('outbox relay under SIGKILL', () => {
  let env: OutboxTestEnv;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    env = await createOutboxTestEnv('sigkill');
  });

  afterAll(async () => {
    for (const worker of workers) {
      if (worker.child.exitCode === null && worker.child.signalCode === null) {
        worker.child.kill('SIGTERM');
        await worker.exited;
      }
    }
    await env?.teardown();
  });

  it('loses no event and creates no second job when workers die between enqueue and mark', async () => {
    const started = Date.now();
    const prefix = env.config.QUEUE_PREFIX;

    // 1. A relay that SIGKILLs itself after its first addBulk, before marking the rows dispatched.
    const crashing = spawnWorker(env.childEnv({ RELAY_CRASH_POINT: 'after-enqueue' }));
    workers.push(crashing);
    const firstInserts = insertOverTime(env, 1000, 20, 25);
    const crash = await crashing.exited;
    expect(crash.signal).toBe('SIGKILL');
    const afterCrash = await outboxStats(env.pool);
    const enqueuedBeforeCrash = (await fanoutJobCensus(env.redis, prefix)).hashes.length;
    // The window really was hit: jobs exist in Redis for rows that were never marked.
    expect(afterCrash.dispatched).toBe(0);
    expect(enqueuedBeforeCrash).toBeGreaterThan(0);
    await firstInserts;

    // 2. Normal workers, each SIGKILLed at a random moment while it is relaying a stream of commits.
    const kills: Array<{ dispatched: number; confirmed: number }> = [];
    for (let round = 0; round < 3; round++) {
      const worker = spawnWorker(env.childEnv());
      workers.push(worker);
      const before = (await outboxStats(env.pool)).dispatched;
      const moreInserts = insertOverTime(env, 300, 30, 20);
      await waitFor(
        'the worker to start relaying',
        async () => (await outboxStats(env.pool)).dispatched > before,
        20_000,
      );
      await sleep(Math.random() * 400);
      worker.child.kill('SIGKILL');
      expect((await worker.exited).signal).toBe('SIGKILL');
      const { dispatched, confirmed } = await outboxStats(env.pool);
      kills.push({ dispatched, confirmed });
      await moreInserts;
    }

    // 3. A normal worker drains everything; jobs held by killed workers come back as stalled jobs.
    const final = spawnWorker(env.childEnv());
    workers.push(final);
    const total = 1000 + 3 * 300;
    const drainMs = await waitFor(
      'every event to be confirmed',
      async () => (await outboxStats(env.pool)).confirmed === total,
      50_000,
      250,
    );

    const stats = await outboxStats(env.pool);
    const census = await fanoutJobCensus(env.redis, prefix);
    const { rows: ids } = await env.pool.query<{ id: string }>('SELECT id FROM outbox_event ORDER BY id');
    expect(stats).toMatchObject({ total, dispatched: total, confirmed: total });
    // Exactly one job per event: same id set, and no id listed in two states.
    expect(census.hashes.sort()).toEqual(
      ids.map(({ id }) => `${prefix}:${QueueName.Fanout}:evt-${id}`).sort(),
    );
    expect(census.stateEntries).toBe(total);
    expect(census.uniqueStateIds).toBe(total);
    expect(census.byState.completed).toBe(total);

    // Every event routed exactly once. Jobs that a killed worker held come back through BullMQ's
    // stalled-job recovery (stc > 0); those already confirmed end as 'already-routed'.
    const { rows: doubled } = await env.pool.query('SELECT id FROM outbox_event WHERE confirm_count <> 1');
    expect(doubled).toEqual([]);
    const jobFields = await Promise.all(
      census.hashes.map((key) => env.redis.hmget(key, 'stc', 'returnvalue')),
    );
    const rerunAfterStall = jobFields.filter(([stc]) => Number(stc ?? 0) > 0).length;
    const alreadyRouted = jobFields.filter(([, value]) => value === JSON.stringify('already-routed')).length;

    console.log(
      `[relay-sigkill] events=${total} crash-window jobs=${enqueuedBeforeCrash} kills=${JSON.stringify(kills)} ` +
        `maxDispatchCount=${stats.maxDispatchCount} jobs=${census.hashes.length} ` +
        `confirmCount>1=${doubled.length} stalledReruns=${rerunAfterStall} alreadyRouted=${alreadyRouted} ` +
        `drain=${drainMs}ms total=${Date.now() - started}ms`,
    );
  }, 120_000);
});
