import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
// Apps have no @hub alias; an e2e test of the worker starts the worker's own module.
import { WorkerModule } from '../../apps/worker/src/worker.module';
import {
  createOutboxTestEnv,
  eventRow,
  fanoutJobCensus,
  type OutboxTestEnv,
  outboxStats,
  sleep,
  waitFor,
} from './support';

const WRITERS = 8;
const EVENTS_PER_WRITER = 500;

/** One API-like writer: one event per transaction, held open 0-20 ms so commits land out of id order. */
async function writer(env: OutboxTestEnv, commitOrder: string[]): Promise<void> {
  const client = new Client({ connectionString: env.config.DATABASE_URL });
  await client.connect();
  try {
    for (let i = 0; i < EVENTS_PER_WRITER; i++) {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string }>(
        'INSERT INTO outbox_event (kind, source, subjects) VALUES ($1, $2, $3::jsonb) RETURNING id',
        eventRow(),
      );
      await sleep(Math.random() * 20);
      await client.query('COMMIT');
      commitOrder.push(rows[0].id);
    }
  } finally {
    await client.end();
  }
}

describe('outbox relay with concurrent writers', () => {
  let env: OutboxTestEnv;
  let app: INestApplicationContext | undefined;

  beforeAll(async () => {
    env = await createOutboxTestEnv('order');
  });

  afterAll(async () => {
    await app?.close();
    await env?.teardown();
  });

  it('skips no event when 8 writers commit out of id order', async () => {
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env.config), {
      logger: ['warn', 'error'],
    });
    const total = WRITERS * EVENTS_PER_WRITER;
    const commitOrder: string[] = [];
    const started = Date.now();
    await Promise.all(Array.from({ length: WRITERS }, () => writer(env, commitOrder)));
    const writeMs = Date.now() - started;
    const drainMs = await waitFor(
      'every event to be confirmed',
      async () => (await outboxStats(env.pool)).confirmed === total,
      30_000,
    );

    // Commits that landed after a higher id had already committed: a high-water-mark relay could skip these.
    let highest = 0;
    const lateCommits = commitOrder.filter((id) => {
      const late = Number(id) < highest;
      highest = Math.max(highest, Number(id));
      return late;
    }).length;
    // Events the relay really dispatched after a higher id had been dispatched in an earlier pass.
    const { rows } = await env.pool.query<{ count: string }>(
      `SELECT count(*) FROM (
         SELECT id, max(id) OVER (ORDER BY dispatched_at, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
           FROM outbox_event) t
        WHERE before > id`,
    );
    const dispatchedAfterHigher = Number(rows[0].count);

    const stats = await outboxStats(env.pool);
    const census = await fanoutJobCensus(env.redis, env.config.QUEUE_PREFIX);
    expect(stats).toEqual({ total, dispatched: total, confirmed: total, duplicated: 0, maxDispatchCount: 1 });
    expect(census.hashes).toHaveLength(total);
    expect(census.uniqueStateIds).toBe(total);
    expect(census.stateEntries).toBe(total);
    // The scenario really happened, otherwise this test would prove nothing.
    expect(lateCommits).toBeGreaterThan(0);
    expect(dispatchedAfterHigher).toBeGreaterThan(0);

    console.log(
      `[relay-out-of-order] events=${total} writers=${WRITERS} lateCommits=${lateCommits} ` +
        `dispatchedAfterHigherId=${dispatchedAfterHigher} jobs=${census.hashes.length} duplicates=${stats.duplicated} ` +
        `write=${writeMs}ms drainAfterWrites=${drainMs}ms`,
    );
    // ~6 s of writes on an idle machine; headroom for a loaded CI box.
  }, 90_000);
});
