import { randomUUID } from 'node:crypto';
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { type HubConfig, loadHubConfig, QueueName } from '@hub/infra';
import IORedis from 'ioredis';
import { Client, Pool } from 'pg';
import { createTestDatabase, queuePrefix } from '../support/test-db';
import { TEST_REDIS_URL } from '../support/test-env';

const ROOT = path.resolve(__dirname, '../..');

export interface OutboxTestEnv {
  config: HubConfig;
  pool: Pool;
  redis: IORedis;
  /** Environment for a spawned worker process pointing at this test's database and prefix. */
  childEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
  teardown(): Promise<void>;
}

/**
 * Each test gets its own database (a clone of the run's migrated template) and its own queue
 * prefix, so test files run in parallel against the shared PostgreSQL and Redis.
 */
export async function createOutboxTestEnv(label: string): Promise<OutboxTestEnv> {
  const database = await createTestDatabase(`outbox_${label}`);
  // The worker opens its own pools; this file only needs the URL and the drop.
  await database.db.destroy();
  const settings = {
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: queuePrefix(`outbox-${label}`),
    RELAY_POLL_MS: '200',
    LOG_LEVEL: 'warn',
    DB_POOL_SIZE: '10',
    NODE_ENV: 'test',
    // These tests are about the relay; no department is reachable.
    ENABLED_SYSTEMS: 'none',
  };
  const config = loadHubConfig(settings);
  const pool = new Pool({ connectionString: database.url, max: 12 });
  // pool.end() resolves before its connections have closed; the database dropped WITH (FORCE)
  // right after may terminate one still open, which the pool reports as an error nobody awaits.
  pool.on('error', () => undefined);
  const redis = new IORedis(TEST_REDIS_URL, { maxRetriesPerRequest: 3 });
  return {
    config,
    pool,
    redis,
    childEnv: (extra = {}) => ({ ...process.env, ...settings, ...extra }),
    async teardown() {
      await pool.end();
      await deletePrefixedKeys(redis, config.QUEUE_PREFIX);
      redis.disconnect();
      await database.drop();
    },
  };
}

/** What the API's transaction writes: ids and versions of the changed subjects. */
export function eventRow(): [string, string, string] {
  const subjects = [{ type: 'resident', id: randomUUID(), version: 1 }];
  return ['resident.updated', 'api', JSON.stringify(subjects)];
}

/** Inserts `count` events in one statement (one transaction, one NOTIFY). */
export async function insertEvents(db: Pool | Client, count: number): Promise<void> {
  const values: string[] = [];
  const params: string[] = [];
  for (let i = 0; i < count; i++) {
    values.push(`($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3}::jsonb)`);
    params.push(...eventRow());
  }
  await db.query(`INSERT INTO outbox_event (kind, source, subjects) VALUES ${values.join(', ')}`, params);
}

export interface OutboxStats {
  total: number;
  dispatched: number;
  confirmed: number;
  /** Events processed more than once by the fan-out (confirm_count > 1). */
  duplicated: number;
  maxDispatchCount: number;
}

export async function outboxStats(db: Pool): Promise<OutboxStats> {
  const { rows } = await db.query<Record<keyof OutboxStats, string>>(
    `SELECT count(*) AS total, count(dispatched_at) AS dispatched, count(confirmed_at) AS confirmed,
            count(*) FILTER (WHERE confirm_count > 1) AS duplicated,
            coalesce(max(dispatch_count), 0) AS "maxDispatchCount"
       FROM outbox_event`,
  );
  const row = rows[0];
  return {
    total: Number(row.total),
    dispatched: Number(row.dispatched),
    confirmed: Number(row.confirmed),
    duplicated: Number(row.duplicated),
    maxDispatchCount: Number(row.maxDispatchCount),
  };
}

export async function waitFor(
  label: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<number> {
  const started = Date.now();
  while (!(await probe())) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}`);
    await sleep(intervalMs);
  }
  return Date.now() - started;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const JOB_STATES = ['wait', 'paused', 'active', 'prioritized', 'delayed', 'completed', 'failed'] as const;

export interface FanoutJobCensus {
  /** Job hashes (`<prefix>:fanout:evt-<id>`) present in Redis. */
  hashes: string[];
  /** Entries across every state list/set; equal to the unique count when no id sits in two states. */
  stateEntries: number;
  uniqueStateIds: number;
  byState: Record<string, number>;
}

/** Counts fan-out jobs straight from Redis so that a duplicate anywhere would show. */
export async function fanoutJobCensus(redis: IORedis, prefix: string): Promise<FanoutJobCensus> {
  const base = `${prefix}:${QueueName.Fanout}`;
  const hashes = (await scanKeys(redis, `${base}:evt-*`)).filter((key) => /:evt-\d+$/.test(key));
  const ids: string[] = [];
  const byState: Record<string, number> = {};
  for (const state of JOB_STATES) {
    const key = `${base}:${state}`;
    const type = await redis.type(key);
    const members =
      type === 'list'
        ? await redis.lrange(key, 0, -1)
        : type === 'zset'
          ? await redis.zrange(key, 0, -1)
          : [];
    byState[state] = members.length;
    ids.push(...members.filter((id) => id.startsWith('evt-')));
  }
  return { hashes, stateEntries: ids.length, uniqueStateIds: new Set(ids).size, byState };
}

export async function scanKeys(redis: IORedis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

/**
 * What a Redis restart without persistence does to this test's data: everything under the prefix
 * is gone at once. Atomic (one Lua script) so that no relay pass observes half a loss. The prefix
 * holds no glob characters (HubConfig allows [a-zA-Z0-9_:-] only); never FLUSHALL the shared Redis.
 */
export async function deletePrefixedKeys(redis: IORedis, prefix: string): Promise<number> {
  const script = `local n = 0
    for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key); n = n + 1 end
    return n`;
  return (await redis.eval(script, 0, `${prefix}:*`)) as number;
}

export interface WorkerProcess {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/** The real worker entry point in its own process, so that it can really be SIGKILLed. */
export function spawnWorker(env: NodeJS.ProcessEnv): WorkerProcess {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'test/support/run-ts.js'), 'apps/worker/src/main.ts'],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => output };
}
