import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { generateCity } from '@hub/generator';
import { loadHubConfig } from '@hub/infra';
import {
  ImportService,
  measureQuality,
  readTruth,
  ResolverService,
  type QualityFigures,
} from '@hub/resolution';
import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';
// Apps have no alias; the bench boots the CLI's module in-process, as `npm run hub` does.
import { CliModule } from '../../apps/cli/src/cli.module';
import { createBenchDatabase, dropDatabasesLike, urlFor } from './bench-db';
import { startSimulator } from './fanout-processes';

/**
 * `npm run bench:import -- --people=10000,100000 --seed=1`: for each size, a synthetic city is
 * generated, loaded into the simulated departments, imported through the connectors (their real
 * protocols), staged and resolved; it prints source records/s end to end, peak memory, and the
 * match quality against the generator's truth beside an exact-ID-only baseline.
 */
const arg = (name: string, fallback: string): string =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const SIZES = arg('people', '10000,100000').split(',').map(Number);
const SEED = Number(arg('seed', '1'));
const KEEP = process.argv.includes('--keep');

/** Resident set size sampled every 200 ms: the peak while importing and matching. */
function memoryPeak(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const f3 = (n: number) => n.toFixed(4);

async function run(people: number): Promise<void> {
  console.log(`\n== ${people} people (seed ${SEED}) ==`);
  const dir = mkdtempSync(path.join(os.tmpdir(), `hub-city-${people}-`));
  const db = await createBenchDatabase();
  const simName = `${db.name}_sim`;
  let sim: Awaited<ReturnType<typeof startSimulator>> | undefined;
  try {
    let t = Date.now();
    const city = await generateCity({ people, seed: SEED, outDir: dir });
    console.log(
      `generated in ${((Date.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(city.records ?? city)}`,
    );
    t = Date.now();
    sim = await startSimulator(urlFor(simName), 'off', { seedDir: dir, startupTimeoutMs: 3_600_000 });
    console.log(`simulated departments loaded their seeds in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    process.env.DATABASE_URL = db.url;
    process.env.SIM_DATABASE_URL = urlFor(simName);
    process.env.DEPARTMENT_URLS = JSON.stringify(sim.urls);
    process.env.LOG_LEVEL = 'warn';
    const app = await NestFactory.createApplicationContext(CliModule.forRoot(loadHubConfig()), {
      logger: ['error'],
    });
    try {
      const peak = memoryPeak();
      const started = Date.now();
      const imported = await app.get(ImportService).importAll();
      const importSeconds = (Date.now() - started) / 1000;
      const summary = await app.get(ResolverService).resolve();
      const seconds = (Date.now() - started) / 1000;
      const peakRss = peak.stop();
      const staged = imported.reduce((n, r) => n + r.staged, 0);
      for (const r of imported) {
        console.log(
          `  ${r.system.padEnd(22)} ${String(r.staged).padStart(9)} records  ${r.seconds.toFixed(1)} s`,
        );
      }
      console.log(
        `import ${staged} source records in ${importSeconds.toFixed(1)} s (${Math.round(staged / importSeconds)}/s); ` +
          `resolve load ${summary.seconds.load} s, match ${summary.seconds.match} s, write ${summary.seconds.write} s ` +
          `(${Object.entries(summary.seconds.writeSteps)
            .map(([step, s]) => `${step} ${s} s`)
            .join(', ')})`,
      );
      console.log(
        `END TO END: ${Math.round(staged / seconds)} source records/s (${staged} in ${seconds.toFixed(1)} s), ` +
          `peak RSS ${mb(peakRss)} (max RSS ${mb(process.resourceUsage().maxRSS * 1024)})`,
      );
      const quality = await measureQuality(
        app.get<DataSource>(DataSourceToken),
        await readTruth(path.join(dir, 'truth.jsonl')),
      );
      printQuality(quality, summary.candidatePairs);
    } finally {
      await app.close();
    }
  } finally {
    await sim?.stop();
    if (!KEEP) {
      await db.drop();
      await dropDatabasesLike(simName);
      rmSync(dir, { recursive: true, force: true });
    } else console.log(`kept: ${dir}, ${db.name}, ${simName}`);
  }
}

function printQuality(q: QualityFigures, candidatePairs: number): void {
  console.log(
    `quality: precision ${f3(q.precision)}  recall ${f3(q.recall)}  F1 ${f3(q.f1)}  ` +
      `golden ${q.goldenRecords} from ${q.sourceRecords} records (${q.unknownRecords} not in truth)`,
  );
  console.log(
    `  review queue ${q.reviewPairs} pairs = ${(q.reviewShare * 100).toFixed(2)}% of source records; ` +
      `merges of different valid IDs ${q.differentValidIdMerges}; candidate pairs ${candidatePairs}`,
  );
  console.log(
    `  exact-ID baseline: precision ${f3(q.baseline.precision)}  recall ${f3(q.baseline.recall)}  ` +
      `F1 ${f3(q.baseline.f1)}  golden ${q.baseline.goldenRecords}`,
  );
}

async function main(): Promise<void> {
  console.log(`bench:import — sizes ${SIZES.join(', ')}; ${os.cpus().length} CPUs, node ${process.version}`);
  for (const people of SIZES) await run(people);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
