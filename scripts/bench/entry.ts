import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import { Pool } from 'pg';
import { loadHubConfig } from '@hub/infra';
// Apps have no alias; the bench boots the real API in-process, as the e2e harness does.
import { createApi } from '../../apps/api/src/main';
import { insertBare } from './baseline';
import { BENCH_USER, countRows, createBenchDatabase, type RowCounts } from './bench-db';
import { HttpClient } from './http-client';
import { benchHousehold } from './households';
import { closedLoop, failedCount, summarise, type Attempt, type LoadResult, type Summary } from './load';

/**
 * `npm run bench:entry -- --seconds=10 --concurrency=16`: households registered per second through
 * POST /api/households against the same rows written by bare INSERTs, on a throwaway database.
 */
function flag(name: string, fallback: number): number {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = given ? Number(given.slice(name.length + 3)) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
  return value;
}

const SECONDS = flag('seconds', 60);
const CONCURRENCY = Math.max(1, Math.floor(flag('concurrency', 16)));
// JIT, pool connections and the first index pages warm up before the clock starts.
const WARMUP = flag('warmup', Math.min(5, Math.ceil(SECONDS / 10)));
/** Baseline indexes start far beyond anything the API phase can reach, so IDs never collide. */
const BASELINE_OFFSET = 5_000_000;

/** Bodies built before the clock starts, so generating them costs the measured process nothing. */
function pregenerate<T>(from: number, count: number, make: (i: number) => T): () => T {
  const ready = Array.from({ length: count }, (_, k) => make(from + k));
  let next = 0;
  // Beyond the estimate a body is built on demand; cheap next to a request, but printed.
  return () => (next < ready.length ? ready[next++] : make(from + next++));
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);
const describe = (s: Summary): string =>
  `${fmt(s.perSecond)} households/s   p50 ${fmt(s.p50)} ms   p95 ${fmt(s.p95)} ms   p99 ${fmt(s.p99)} ms   max ${fmt(s.max)} ms`;

function printFailures(phase: string, r: LoadResult): void {
  for (const [label, n] of r.failures) console.log(`  ${phase} FAILED ×${n}: ${label}`);
}

async function measure(
  phase: string,
  attempt: () => Promise<Attempt>,
): Promise<{ warm: LoadResult; run: LoadResult }> {
  const warm = await closedLoop({ concurrency: CONCURRENCY, seconds: WARMUP }, attempt);
  printFailures(`${phase} warm-up`, warm);
  const run = await closedLoop({ concurrency: CONCURRENCY, seconds: SECONDS }, attempt);
  printFailures(phase, run);
  console.log(`${phase}: ${run.ok} ok, ${failedCount(run)} failed in ${fmt(run.elapsedS, 2)} s`);
  console.log(`  ${describe(summarise(run))}`);
  return { warm, run };
}

function checkRows(phase: string, before: RowCounts, after: RowCounts, committed: number): boolean {
  const stored = after.household - before.household;
  console.log(`  rows after ${phase}: ${JSON.stringify(after)}`);
  console.log(
    `  households stored in ${phase}: ${stored}, committed: ${committed} ${stored === committed ? 'OK' : 'MISMATCH'}`,
  );
  return stored === committed && after.resident - before.resident === 3 * committed;
}

async function apiPhase(url: string, prefix: string): Promise<{ run: LoadResult; committed: number }> {
  process.env.DATABASE_URL = url;
  process.env.QUEUE_PREFIX = prefix;
  process.env.LOG_LEVEL = 'warn';
  const app = await createApi();
  await app.listen(0, '127.0.0.1');
  const client = new HttpClient((app.getHttpServer().address() as AddressInfo).port, CONCURRENCY);
  try {
    const login = await client.post(
      '/api/auth/login',
      JSON.stringify({ username: BENCH_USER.username, password: BENCH_USER.password }),
    );
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.body}`);
    const token = (JSON.parse(login.body) as { token: string }).token;
    const bodies = pregenerate(0, Math.ceil((SECONDS + WARMUP) * 1000), (i) =>
      JSON.stringify(benchHousehold(i)),
    );
    const attempt = async (): Promise<Attempt> => {
      const answer = await client.post('/api/households', bodies(), token);
      return answer.status === 201
        ? { ok: true }
        : { ok: false, label: `${answer.status} ${answer.body.slice(0, 200)}` };
    };
    const { warm, run } = await measure('API', attempt);
    return { run, committed: warm.ok + run.ok };
  } finally {
    client.close();
    await app.close();
  }
}

async function baselinePhase(url: string, poolSize: number): Promise<{ run: LoadResult; committed: number }> {
  const pool = new Pool({ connectionString: url, max: poolSize });
  try {
    const households = pregenerate(BASELINE_OFFSET, Math.ceil((SECONDS + WARMUP) * 1500), benchHousehold);
    const attempt = async (): Promise<Attempt> => {
      await insertBare(pool, households(), BENCH_USER.community);
      return { ok: true };
    };
    const { warm, run } = await measure('baseline', attempt);
    return { run, committed: warm.ok + run.ok };
  } finally {
    await pool.end();
  }
}

async function main(): Promise<number> {
  console.log(`bench:entry — ${SECONDS} s per phase (+${WARMUP} s warm-up), concurrency ${CONCURRENCY}`);
  const db = await createBenchDatabase();
  console.log(`database ${db.name} (PostgreSQL ${db.serverVersion})`);
  let healthy = true;
  try {
    const empty = await countRows(db.url);
    const api = await apiPhase(db.url, `bench:${db.name}`);
    const afterApi = await countRows(db.url);
    healthy = checkRows('API', empty, afterApi, api.committed) && healthy;
    // The API's pool size as configured (default 20), so both sides have the same connections.
    const poolSize = loadHubConfig().DB_POOL_SIZE;
    const base = await baselinePhase(db.url, poolSize);
    healthy = checkRows('baseline', afterApi, await countRows(db.url), base.committed) && healthy;
    const failed = failedCount(api.run) + failedCount(base.run);
    healthy = failed === 0 && healthy;
    printTable(summarise(api.run), summarise(base.run), {
      failed,
      poolSize,
      serverVersion: db.serverVersion,
    });
  } finally {
    await db.drop();
    console.log(`dropped ${db.name}`);
  }
  return healthy ? 0 : 1;
}

function printTable(
  api: Summary,
  base: Summary,
  facts: { failed: number; poolSize: number; serverVersion: string },
): void {
  const row = (label: string, s: Summary): string =>
    `${label.padEnd(10)}${fmt(s.perSecond).padStart(12)}${fmt(s.p50).padStart(10)}${fmt(s.p95).padStart(10)}${fmt(s.p99).padStart(10)}${fmt(s.max).padStart(10)}`;
  console.log('\n== summary ==');
  console.log(
    `${''.padEnd(10)}${'hh/s'.padStart(12)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'max ms'.padStart(10)}`,
  );
  console.log(row('API', api));
  console.log(row('baseline', base));
  console.log(
    `API/baseline throughput ${fmt(api.perSecond / base.perSecond, 3)}   p99 ${fmt(api.p99 / base.p99, 2)}×`,
  );
  console.log(
    `target ≥ 300 hh/s: ${api.perSecond >= 300 ? 'met' : 'NOT met'}   p99 ≤ 100 ms: ${api.p99 <= 100 ? 'met' : 'NOT met'}`,
  );
  console.log(`failed requests: ${facts.failed}`);
  console.log(
    `machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), node ${process.version}, PostgreSQL ${facts.serverVersion}, ` +
      `pool ${facts.poolSize}, concurrency ${CONCURRENCY}, ${SECONDS} s per phase`,
  );
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
