import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
// Apps have no alias; the bench boots the real API in-process, as bench:entry does.
import { createApi } from '../../apps/api/src/main';
import { BENCH_USER, createBenchDatabase, dropDatabasesLike, urlFor } from './bench-db';
import { bullmqBaseline, type BaselineResult } from './bullmq-baseline';
import {
  analyse,
  BATCH,
  readLedger,
  waitForDrain,
  type DrainResult,
  type FanoutFigures,
} from './fanout-ledger';
import { arrive, type ArrivalResult } from './fanout-load';
import {
  control,
  deleteRedisKeys,
  startSimulator,
  startWorker,
  type Child,
  type RunningSimulator,
} from './fanout-processes';
import { describeCpu, sampleCpu } from './cpu-usage';
import { HttpClient } from './http-client';
import type { Percentiles } from './load';

/**
 * `npm run bench:fanout -- --rate=50 --seconds=30 --realism=both`: changes entered through the API
 * at a fixed rate, followed through the outbox, the fan-out and the delivery queues to the twelve
 * simulated departments, against a bare BullMQ baseline; once with the simulators' delays and
 * rate limits off (the machinery's own cost) and once with the spec's on (who falls behind).
 */
function flag(name: string, fallback: number): number {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = given ? Number(given.slice(name.length + 3)) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
  return value;
}

const RATE = flag('rate', 50);
const SECONDS = flag('seconds', 30);
/** The realism-on run only has to show the catch-up; the rate-limited backlog grows with every second. */
const ON_SECONDS = flag('on-seconds', Math.min(SECONDS, 20));
const WARMUP = flag('warmup', 3);
const PATCH_SHARE = Math.min(1, flag('patch-share', 0.3));
const DRAIN_S = flag('drain', 300);
const REALISM = process.argv.find((a) => a.startsWith('--realism='))?.slice('--realism='.length) ?? 'both';
if (!['off', 'on', 'both'].includes(REALISM)) throw new Error('--realism must be off, on or both');

interface HubRun {
  realism: 'on' | 'off';
  arrivals: ArrivalResult;
  drain: DrainResult;
  figures: FanoutFigures;
  counters: Array<{ slug: string; counters: Record<string, number> }>;
  warnings: Array<[string, number]>;
  /** CPU seconds per part, from the first change to the drain. */
  cpu: string;
}

const ms = (n: number): string => (Number.isFinite(n) ? `${Math.round(n)} ms` : '—');
const s = (n: number): string => (Number.isFinite(n) ? `${(n / 1000).toFixed(1)} s` : '—');
const spread = (p: Percentiles, unit: (n: number) => string): string =>
  `p50 ${unit(p.p50)}   p99 ${unit(p.p99)}   max ${unit(p.max)}`;

async function login(client: HttpClient): Promise<string> {
  const answer = await client.post(
    '/api/auth/login',
    JSON.stringify({ username: BENCH_USER.username, password: BENCH_USER.password }),
  );
  if (answer.status !== 200) throw new Error(`login failed: ${answer.status} ${answer.body}`);
  return (JSON.parse(answer.body) as { token: string }).token;
}

/** One run on fresh everything: database, simulator (and its databases), worker process, queue prefix. */
async function hubRun(realism: 'on' | 'off', seconds: number): Promise<HubRun> {
  const db = await createBenchDatabase();
  const simName = `${db.name}_sim`;
  const prefix = `bench:fanout:${db.name}`;
  console.log(`\n== realism ${realism}: ${RATE} changes/s for ${seconds} s (+${WARMUP} s warm-up) ==`);
  console.log(`database ${db.name}, simulator ${simName}, queue prefix ${prefix}`);
  let sim: RunningSimulator | undefined;
  let worker: Child | undefined;
  let app: Awaited<ReturnType<typeof createApi>> | undefined;
  let client: HttpClient | undefined;
  try {
    sim = await startSimulator(urlFor(simName), realism);
    // The upload window open all day, so social-insurance is measured, not the clock.
    await control(sim, 'POST', '/control/social-insurance/simulate/upload-window', {
      start: '00:00',
      end: '00:00',
    });
    worker = await startWorker({
      databaseUrl: db.url,
      prefix,
      sim,
      simDatabaseUrl: urlFor(simName),
      realism,
    });
    process.env.DATABASE_URL = db.url;
    process.env.QUEUE_PREFIX = prefix;
    process.env.LOG_LEVEL = 'warn';
    app = await createApi();
    await app.listen(0, '127.0.0.1');
    client = new HttpClient((app.getHttpServer().address() as AddressInfo).port, 64);
    const processes = { worker: worker.process.pid, simulator: sim.process.pid };
    const cpuBefore = sampleCpu(processes);
    const arrivals = await arrive(client, {
      rate: RATE,
      seconds,
      warmupSeconds: WARMUP,
      patchShare: PATCH_SHARE,
      community: BENCH_USER.community,
      token: await login(client),
    });
    printArrivals(arrivals);
    const running = [sim, worker];
    const drain = await waitForDrain(db.url, DRAIN_S * 1000, () =>
      running.map((c) => c.died()).find(Boolean),
    );
    console.log(
      drain.drained
        ? `  drained ${drain.seconds.toFixed(1)} s after the last answer`
        : `  NOT drained after ${DRAIN_S} s: ${drain.events} events unrouted, open ${JSON.stringify(drain.open)}`,
    );
    const cpuAfter = sampleCpu(processes);
    const figures = analyse(arrivals, await readLedger(db.url));
    const described = (await control(sim, 'GET', '/control')) as Array<{
      slug: string;
      counters: Record<string, number>;
    }>;
    return {
      realism,
      arrivals,
      drain,
      figures,
      counters: described.map(({ slug, counters }) => ({ slug, counters })),
      warnings: [...worker.warnings, ...sim.warnings].sort((a, b) => b[1] - a[1]),
      cpu: describeCpu(cpuBefore, cpuAfter, figures.deliveriesTotal),
    };
  } finally {
    client?.close();
    await app?.close();
    await worker?.stop();
    await sim?.stop();
    await db.drop();
    const dropped = await dropDatabasesLike(simName);
    const keys = await deleteRedisKeys(prefix);
    console.log(`  cleaned up: dropped ${[db.name, ...dropped].join(', ')}; ${keys} Redis keys`);
  }
}

function printArrivals(a: ArrivalResult): void {
  const measured = a.accepted.filter((c) => !c.warmup);
  const registrations = measured.filter((c) => c.kind === 'register').length;
  const failed = [...a.failures.values()].reduce((x, y) => x + y, 0);
  console.log(
    `  entry: ${measured.length} changes measured (${registrations} households registered, ` +
      `${measured.length - registrations} residents corrected), ${a.accepted.length - measured.length} warm-up, ` +
      `${failed} refused, ${a.late} sent late (API backlog ≥ 64)`,
  );
  for (const [label, n] of a.failures) console.log(`  entry FAILED ×${n}: ${label}`);
}

function printRun(run: HubRun): void {
  const f = run.figures;
  console.log(`\n-- realism ${run.realism}: results --`);
  console.log(
    `changes/s ${f.changesPerSecond.toFixed(1)}   online deliveries/s while arriving ${f.deliveriesPerSecond.toFixed(1)} ` +
      `(offered ${f.offeredPerSecond.toFixed(1)})   all systems, first arrival → last confirmation ` +
      `${f.deliveriesToDrainPerSecond.toFixed(1)}/s`,
  );
  console.log(`deliveries confirmed: ${f.deliveriesTotal} (online ${f.onlineDeliveriesTotal})`);
  console.log(
    `entry (API answer) → last online system: ${spread(f.online, ms)}   (${f.online.incomplete} not complete)`,
  );
  console.log(
    `  without police-population (paced by the hub at 4 calls/s when realism is on): ` +
      `${spread(f.onlineButPolice, ms)}   (${f.onlineButPolice.incomplete} not complete)`,
  );
  console.log(
    `entry → last batch system (${[...BATCH].join(', ')}; ${f.batch.changes} changes): ` +
      `${spread(f.batch, s)}   (${f.batch.incomplete} not complete)`,
  );
  console.log(
    `\n${'system'.padEnd(22)}${'mode'.padEnd(7)}${'rows'.padStart(7)}${'conf'.padStart(7)}${'fail'.padStart(6)}` +
      `${'open'.padStart(6)}${'lag p50'.padStart(10)}${'p99'.padStart(10)}${'max'.padStart(10)}${'overtaken (PATCH, max)'.padStart(24)}`,
  );
  for (const l of f.systems) {
    console.log(
      `${l.system.padEnd(22)}${(BATCH.has(l.system) ? 'batch' : 'online').padEnd(7)}${String(l.rows).padStart(7)}` +
        `${String(l.confirmed).padStart(7)}${String(l.failed).padStart(6)}${String(l.open).padStart(6)}` +
        `${s(l.p50).padStart(10)}${s(l.p99).padStart(10)}${s(l.max).padStart(10)}` +
        `${`${l.overtaken} (${l.overtakenCorrections}, ${s(l.maxOvertakenMs)})`.padStart(24)}`,
    );
  }
  console.log(
    `(lag: API answer → that system confirmed, measured changes; overtaken: confirmed > 1 s after a change entered later; PATCH: how many were corrections)`,
  );
  if (f.failures.length === 0) console.log('failed deliveries: 0');
  for (const x of f.failures) console.log(`FAILED ×${x.count} ${x.system} [${x.kind}] ${x.message}`);
  const calls = run.counters
    .filter((c) => (c.counters.calls ?? 0) > 0)
    .map((c) => `${c.slug} ${c.counters.calls}/${c.counters.applied}/${c.counters.rejected}`);
  console.log(`department calls/applied/rejected: ${calls.join(', ') || '—'}`);
  console.log(`CPU from the first change to the drain: ${run.cpu}`);
  for (const [line, n] of run.warnings.slice(0, 12)) console.log(`  logged ×${n}: ${line}`);
}

async function baseline(jobs: number): Promise<BaselineResult> {
  const prefix = `bench:fanout-base:${process.pid}`;
  try {
    console.log(`\n== bare BullMQ baseline: ${jobs} jobs, 12 queues × concurrency 8, one HTTP POST each ==`);
    const result = await bullmqBaseline(jobs, prefix);
    console.log(
      `  ${result.perSecond.toFixed(1)} deliveries/s (${result.seconds.toFixed(2)} s, ${result.failed} failed)`,
    );
    return result;
  } finally {
    await deleteRedisKeys(prefix);
  }
}

async function main(): Promise<number> {
  const load = os.loadavg().map((n) => n.toFixed(1));
  console.log(
    `bench:fanout — ${RATE} changes/s (${Math.round(PATCH_SHARE * 100)}% corrections), realism ${REALISM}, ` +
      `off ${SECONDS} s / on ${ON_SECONDS} s (+${WARMUP} s warm-up), drain ≤ ${DRAIN_S} s`,
  );
  let healthy = true;
  const summary: string[] = [];
  if (REALISM !== 'on') {
    const run = await hubRun('off', SECONDS);
    printRun(run);
    const base = await baseline(run.figures.onlineDeliveriesTotal);
    const f = run.figures;
    const ratio = f.deliveriesPerSecond / base.perSecond;
    summary.push(
      `realism off: ${f.changesPerSecond.toFixed(1)} changes/s, ${f.deliveriesPerSecond.toFixed(1)} online deliveries/s ` +
        `(offered ${f.offeredPerSecond.toFixed(1)}) vs baseline ${base.perSecond.toFixed(1)}/s → ratio ${ratio.toFixed(3)} ` +
        `(target ≥ 0.333: ${ratio >= 1 / 3 ? 'met' : 'NOT met'})`,
      `  entry → all online p50 ${ms(f.online.p50)} p99 ${ms(f.online.p99)} (target p99 ≤ 1 s at 50/s: ` +
        `${f.online.p99 <= 1000 && f.online.incomplete === 0 ? 'met' : 'NOT met'}); without police ` +
        `p50 ${ms(f.onlineButPolice.p50)} p99 ${ms(f.onlineButPolice.p99)}   ` +
        `batch p50 ${s(f.batch.p50)} p99 ${s(f.batch.p99)}`,
    );
    healthy = healthy && run.drain.drained && f.failures.length === 0 && base.failed === 0;
  }
  if (REALISM !== 'off') {
    const run = await hubRun('on', ON_SECONDS);
    printRun(run);
    const f = run.figures;
    const slowest = [...f.systems].sort((a, b) => b.max - a.max)[0];
    summary.push(
      `realism on: ${f.changesPerSecond.toFixed(1)} changes/s, entry → all online p50 ${s(f.online.p50)} ` +
        `p99 ${s(f.online.p99)}; slowest ${slowest?.system ?? '—'} (max lag ${s(slowest?.max ?? NaN)}); ` +
        `${run.drain.drained ? `drained ${run.drain.seconds.toFixed(0)} s after entry ended` : 'NOT drained'}; ` +
        `${f.failures.reduce((n, x) => n + x.count, 0)} failed`,
    );
    healthy = healthy && run.drain.drained && f.failures.length === 0;
  }
  console.log('\n== summary ==');
  for (const line of summary) console.log(line);
  console.log(
    `machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), node ${process.version}; ` +
      `API in this process, worker and simulator as child processes; load average ${load.join('/')} at start, ` +
      `${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join('/')} at end (other work on the machine skews the figures)`,
  );
  return healthy ? 0 : 1;
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
