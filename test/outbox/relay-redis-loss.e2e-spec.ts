import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { QueueName } from '@hub/infra';
import { Queue } from 'bullmq';
// Apps have no @hub alias; an e2e test of the worker starts the worker's own module.
import { OutboxRelayService } from '../../apps/worker/src/relay/outbox-relay.service';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import {
  createOutboxTestEnv,
  deletePrefixedKeys,
  fanoutJobCensus,
  insertEvents,
  type OutboxTestEnv,
  outboxStats,
  waitFor,
} from './support';

describe('outbox relay when Redis loses its data', () => {
  let env: OutboxTestEnv;
  let app: INestApplicationContext | undefined;
  let queue: Queue;

  beforeEach(async () => {
    env = await createOutboxTestEnv('redis_loss');
    queue = new Queue(QueueName.Fanout, {
      connection: { url: env.config.REDIS_URL },
      prefix: env.config.QUEUE_PREFIX,
    });
    // Paused before the worker starts: jobs pile up in Redis unprocessed, as during a backlog.
    await queue.pause();
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env.config), { logger: ['error'] });
  });

  afterEach(async () => {
    await app?.close();
    await queue?.close();
    await env?.teardown();
  });

  /** Inserts `count` events and waits until the relay has put every one of them into Redis. */
  async function dispatchUnprocessed(count: number): Promise<void> {
    for (let i = 0; i < count / 100; i++) await insertEvents(env.pool, 100);
    await waitFor(
      'all events dispatched',
      async () => (await outboxStats(env.pool)).dispatched === count,
      20_000,
    );
    const census = await fanoutJobCensus(env.redis, env.config.QUEUE_PREFIX);
    expect(census.hashes).toHaveLength(count);
    expect((await outboxStats(env.pool)).confirmed).toBe(0);
  }

  it('re-drives every unconfirmed event after all of its keys vanish', async () => {
    const total = 500;
    const prefix = env.config.QUEUE_PREFIX;
    await dispatchUnprocessed(total);

    const started = Date.now();
    // Like a restart without persistence: jobs, the paused flag and the relay's sentinel go together.
    const deletedKeys = await deletePrefixedKeys(env.redis, prefix);
    expect(await env.redis.exists(`${prefix}:relay:epoch`)).toBe(0);
    const recoveredMs = await waitFor(
      'every event to be confirmed',
      async () => (await outboxStats(env.pool)).confirmed === total,
      30_000,
    );

    const stats = await outboxStats(env.pool);
    const census = await fanoutJobCensus(env.redis, prefix);
    // Dispatched twice (before and after the loss), routed once.
    expect(stats).toEqual({ total, dispatched: total, confirmed: total, duplicated: 0, maxDispatchCount: 2 });
    const { rows } = await env.pool.query(
      'SELECT count(*)::int AS n FROM outbox_event WHERE dispatch_count = 2',
    );
    expect(rows[0].n).toBe(total);
    expect(census.hashes).toHaveLength(total);
    expect(census.uniqueStateIds).toBe(total);
    console.log(
      `[relay-redis-loss] events=${total} deletedKeys=${deletedKeys} confirmedOnce=${stats.confirmed - stats.duplicated} ` +
        `recovered=${recoveredMs}ms (${Date.now() - started}ms incl. checks)`,
    );
  });

  it('re-drives dispatched events whose jobs alone were lost, via the slow sweep', async () => {
    const total = 200;
    const prefix = env.config.QUEUE_PREFIX;
    await dispatchUnprocessed(total);
    // A partial loss the sentinel cannot see: 50 job hashes and list entries disappear.
    const { rows } = await env.pool.query<{ id: string }>('SELECT id FROM outbox_event ORDER BY id LIMIT 50');
    for (const { id } of rows) await queue.remove(`evt-${id}`);
    expect(await env.redis.exists(`${prefix}:relay:epoch`)).toBe(1);

    // The sweep's age threshold is 2 minutes in production; 0 here to run it now.
    const reset = await app!.get(OutboxRelayService).sweepLostJobs(0);
    expect(reset).toBe(50);
    await queue.resume();
    await waitFor(
      'every event to be confirmed',
      async () => (await outboxStats(env.pool)).confirmed === total,
      20_000,
    );

    const stats = await outboxStats(env.pool);
    expect(stats).toEqual({ total, dispatched: total, confirmed: total, duplicated: 0, maxDispatchCount: 2 });
    expect((await fanoutJobCensus(env.redis, prefix)).hashes).toHaveLength(total);
  });
});
