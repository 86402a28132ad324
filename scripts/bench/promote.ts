import 'reflect-metadata';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { ImportService, PromotionService, ResolverService } from '@hub/resolution';
import { cityUnderTest, mb, memoryPeak } from './imported-city';

/**
 * `npm run bench:promote -- --people=100000,1000000 --seed=1`: for each size a city is generated,
 * imported through the departments' protocols and resolved (as bench:import does, not timed
 * here); then promoted into the unified record, timed with its peak memory. The baseline, in the
 * same run on the same database: a bare COPY of exactly the rows the promotion wrote into empty
 * copies of the same tables with the same indexes. Aim: within 3× the copy, memory flat.
 */
const arg = (name: string, fallback: string): string =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const SIZES = arg('people', '100000,1000000').split(',').map(Number);
const SEED = Number(arg('seed', '1'));
const KEEP = process.argv.includes('--keep');

/** What a promotion writes: the unified record's tables, the links and the worklist. */
const WRITTEN = [
  'address',
  'resident',
  'resident_version',
  'household',
  'household_member',
  'household_version',
  'system_link',
  'data_finding',
];

/**
 * Each written table copied out to a file (not timed), then timed: COPY into an empty table
 * `LIKE` it with its indexes and defaults (no foreign keys: a bare copy checks none).
 */
async function bareCopy(url: string): Promise<{ seconds: number; rows: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-bare-copy-'));
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    let rows = 0;
    for (const table of WRITTEN) {
      await pipeline(
        client.query(copyTo(`COPY ${table} TO STDOUT`)),
        createWriteStream(path.join(dir, table)),
      );
      await client.query(`CREATE TABLE bench_copy_${table} (LIKE ${table} INCLUDING ALL)`);
    }
    const started = Date.now();
    for (const table of WRITTEN) {
      const copy = client.query(copyFrom(`COPY bench_copy_${table} FROM STDIN`));
      await pipeline(createReadStream(path.join(dir, table)), copy);
      rows += Number(copy.rowCount);
    }
    const seconds = (Date.now() - started) / 1000;
    for (const table of WRITTEN) await client.query(`DROP TABLE bench_copy_${table}`);
    return { seconds, rows };
  } finally {
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(people: number): Promise<void> {
  console.log(`\n== ${people} people (seed ${SEED}) ==`);
  const city = await cityUnderTest(people, SEED);
  try {
    let t = Date.now();
    const importer = city.app.get(ImportService);
    await importer.importAll();
    await importer.followFeedsFromNow();
    const resolved = await city.app.get(ResolverService).resolve();
    console.log(
      `imported and resolved in ${((Date.now() - t) / 1000).toFixed(1)} s: ${resolved.goldenRecords} golden records`,
    );

    global.gc?.();
    const { rss: rssBefore, heapUsed: heapBefore } = process.memoryUsage();
    const peak = memoryPeak();
    const cpu = process.cpuUsage();
    t = Date.now();
    const promoted = await city.app.get(PromotionService).promote();
    const seconds = (Date.now() - t) / 1000;
    const cpuSeconds = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6;
    const peakRss = peak.stop();
    console.log(`promote: ${JSON.stringify(promoted)}`);
    const copy = await bareCopy(city.db.url);
    console.log(
      `PROMOTE ${promoted.goldenRecords} golden records in ${seconds.toFixed(1)} s ` +
        `(${Math.round(promoted.goldenRecords / seconds)}/s, node CPU ${cpuSeconds.toFixed(1)} s), peak RSS ${mb(peakRss)} (${mb(rssBefore)} before), ` +
        `peak heap in use ${mb(peak.heap())} (${mb(heapBefore)} before); ` +
        `bare COPY of the same ${copy.rows} rows ${copy.seconds.toFixed(1)} s; ratio ${(seconds / copy.seconds).toFixed(2)}× (aim ≤ 3×)`,
    );
  } finally {
    await city.close(KEEP);
  }
}

async function main(): Promise<void> {
  console.log(`bench:promote — sizes ${SIZES.join(', ')}; ${os.cpus().length} CPUs, node ${process.version}`);
  for (const people of SIZES) await run(people);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
