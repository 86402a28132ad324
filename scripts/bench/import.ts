import 'reflect-metadata';
import * as os from 'node:os';
import * as path from 'node:path';
import { measureQuality, readTruth, ResolverService, type QualityFigures } from '@hub/resolution';
import { ImportService } from '@hub/resolution/departments';
import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';
import { cityUnderTest, mb, memoryPeak } from './imported-city';

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

const f3 = (n: number) => n.toFixed(4);

async function run(people: number): Promise<void> {
  console.log(`\n== ${people} people (seed ${SEED}) ==`);
  const city = await cityUnderTest(people, SEED);
  const { app, dir } = city;
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
    await city.close(KEEP);
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
