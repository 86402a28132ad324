import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createDataSource } from '@hub/database';
// Apps have no alias; the bench boots the real API in-process, as the e2e harness does.
import { createApi } from '../../apps/api/src/main';
import { BENCH_OPERATOR, BENCH_USER, createBenchDatabase } from './bench-db';
import { measurePages, type PageTime } from './console-pages';
import { insertPopulation } from './console-population';
import { describeCpu, sampleCpu } from './cpu-usage';
import { HttpClient } from './http-client';

/**
 * `npm run bench:console -- --residents=100000 --rounds=15`: the answer times of the resident
 * lists a community worker uses (filters, sorts, searches) through the real API, against a city of
 * `residents` people, beside a baseline in the same run: one resident read by its id through the
 * same API (authentication, scope, serialisation, one indexed row). Budget: 2 s a list.
 * Then (unless `--no-pages`) every main page of the console in chromium, from navigation to its
 * data on screen, beside the login page (which reads no data). Budget: 2 s a page.
 */
function flag(name: string, fallback: number): number {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = given ? Number(given.slice(name.length + 3)) : fallback;
  if (!Number.isFinite(value) || value < 1) throw new Error(`--${name} must be a positive number`);
  return Math.floor(value);
}

const RESIDENTS = flag('residents', 100_000);
const ROUNDS = flag('rounds', 15);
const BUDGET_MS = 2_000;
const KEEP = process.argv.includes('--keep');
const PAGES = !process.argv.includes('--no-pages');

type Query = [label: string, path: string];

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function main(): Promise<void> {
  const bench = await createBenchDatabase();
  console.log(`database ${bench.name} (PostgreSQL ${bench.serverVersion})`);
  const db = createDataSource(bench.url, 2);
  await db.initialize();
  let started = Date.now();
  const sample = await insertPopulation(db, RESIDENTS, BENCH_USER.community);
  console.log(`inserted ${RESIDENTS} residents in ${Date.now() - started} ms`);
  await db.destroy();

  process.env.DATABASE_URL = bench.url;
  process.env.QUEUE_PREFIX = `bench-console-${bench.name}`;
  process.env.LOG_LEVEL = 'warn';
  const app = await createApi();
  await app.listen(0, '127.0.0.1');
  const client = new HttpClient((app.getHttpServer().address() as AddressInfo).port, 1);
  try {
    const login = await client.post(
      '/api/auth/login',
      JSON.stringify({ username: BENCH_USER.username, password: BENCH_USER.password }),
    );
    const { token } = JSON.parse(login.body) as { token: string };
    const lastFour = sample.idNumber.slice(-4);
    const queries: Query[] = [
      ['baseline: one resident by id', `/api/residents/${sample.resident}`],
      ['all residents (first page)', '/api/residents?page=1&size=20'],
      ['80+ oldest first', '/api/residents?ageMin=80&sort=age-desc&size=20'],
      ['60+ living alone', '/api/residents?ageMin=60&tags=living-alone&size=20'],
      ['低保 households’ members', '/api/residents?tags=assistance&size=20'],
      ['残疾', '/api/residents?tags=disability&size=20'],
      ['失业, 18–60', '/api/residents?tags=unemployed&ageMin=18&ageMax=60&size=20'],
      ['流动人口', '/api/residents?registrationType=floating&size=20'],
      [
        '流动人口 aged 18–35 by name',
        '/api/residents?registrationType=floating&ageMin=18&ageMax=35&sort=name',
      ],
      ['last four ID digits', `/api/residents?q=${lastFour}&size=20`],
      ['by address', `/api/residents?q=${encodeURIComponent(sample.address)}&size=20`],
      ['by phone', `/api/residents?q=${sample.phone}&size=20`],
      ['by name', `/api/residents?q=${encodeURIComponent(sample.name)}&size=20`],
    ];
    const times = new Map<string, number[]>(queries.map(([label]) => [label, []]));
    const totals = new Map<string, number>();
    for (const [label, path] of queries) {
      const answer = await client.get(path, token); // warm-up: plans, caches, JIT
      if (answer.status !== 200) throw new Error(`${label}: ${answer.status} ${answer.body.slice(0, 200)}`);
      const body = JSON.parse(answer.body) as { total?: number };
      totals.set(label, body.total ?? 1);
    }
    const cpuBefore = sampleCpu({});
    started = Date.now();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [label, path] of queries) {
        const t0 = process.hrtime.bigint();
        const answer = await client.get(path, token);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (answer.status !== 200) throw new Error(`${label}: ${answer.status}`);
        times.get(label)?.push(ms);
      }
    }
    const cpuAfter = sampleCpu({});
    const requests = ROUNDS * queries.length;
    console.log(
      `\n${requests} requests in ${Date.now() - started} ms, ${ROUNDS} rounds, one at a time; ` +
        `${RESIDENTS} residents, ${Math.round(RESIDENTS / 5)} in the worker's community`,
    );
    console.log(`CPU: ${describeCpu(cpuBefore, cpuAfter, requests).replace(/delivery/g, 'request')}`);
    const baseline = [...(times.get(queries[0][0]) ?? [])].sort((a, b) => a - b);
    const base50 = quantile(baseline, 0.5);
    console.log(
      `\n${'list'.padEnd(34)} ${'hits'.padStart(7)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}  ×baseline p50`,
    );
    let over = 0;
    for (const [label] of queries) {
      const sorted = [...(times.get(label) ?? [])].sort((a, b) => a - b);
      const [p50, p95, max] = [quantile(sorted, 0.5), quantile(sorted, 0.95), sorted[sorted.length - 1]];
      if (p95 > BUDGET_MS) over += 1;
      console.log(
        `${label.padEnd(34)} ${String(totals.get(label)).padStart(7)} ${p50.toFixed(1).padStart(8)} ` +
          `${p95.toFixed(1).padStart(8)} ${max.toFixed(1).padStart(8)}  ${(p50 / base50).toFixed(1).padStart(6)}` +
          (p95 > BUDGET_MS ? `  OVER ${BUDGET_MS} ms` : ''),
      );
    }
    console.log(
      over === 0 ? `\nevery list within ${BUDGET_MS} ms (p95)` : `\n${over} lists over ${BUDGET_MS} ms`,
    );
    if (PAGES) {
      const { port } = app.getHttpServer().address() as AddressInfo;
      const pages = await measurePages(`http://127.0.0.1:${port}`, sample, {
        worker: [BENCH_USER.username, BENCH_USER.password],
        operator: [BENCH_OPERATOR.username, BENCH_OPERATOR.password],
      });
      over += printPages(pages);
    }
    process.exitCode = over === 0 ? 0 : 1;
  } finally {
    client.close();
    await app.close();
    if (!KEEP) await bench.drop();
  }
}

/** The page times beside the login page's; returns how many pages took longer than the budget. */
function printPages(pages: PageTime[]): number {
  const baseline = Math.min(...pages.filter((p) => p.page.startsWith('baseline')).map((p) => p.ms));
  console.log(
    `\n${'page (chromium, navigation → data on screen)'.padEnd(44)} ${'ms'.padStart(6)}  ×baseline`,
  );
  let over = 0;
  for (const { page, ms } of pages) {
    if (ms > BUDGET_MS) over += 1;
    console.log(
      `${page.padEnd(44)} ${String(ms).padStart(6)}  ${(ms / baseline).toFixed(1).padStart(6)}` +
        (ms > BUDGET_MS ? `  OVER ${BUDGET_MS} ms` : ''),
    );
  }
  console.log(over === 0 ? `\nevery page within ${BUDGET_MS} ms` : `\n${over} pages over ${BUDGET_MS} ms`);
  return over;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
