import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import * as os from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { ResolverService } from '@hub/resolution';
import { ImportService, type PromotionSummary } from '@hub/resolution/departments';
import { cityUnderTest, mb } from './imported-city';

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
/** `--cpu-profile=FILE`: a V8 CPU profile of the promotion alone (not the import before it). */
const CPU_PROFILE = arg('cpu-profile', '');

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

interface ChildFigures {
  summary: PromotionSummary;
  seconds: number;
  cpuSeconds: number;
  rssBefore: number;
  heapBefore: number;
  peakRss: number;
  peakHeap: number;
}

/**
 * The promotion runs in a fresh process against the imported city (the environment
 * `cityUnderTest` set), so its peak memory is its own and not what the import left behind.
 */
async function promoteInChild(): Promise<ChildFigures> {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '-r',
      'tsconfig-paths/register',
      path.join(__dirname, 'promote-child.js'),
      ...(CPU_PROFILE ? [`--cpu-profile=${CPU_PROFILE}`] : []),
    ],
    { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let figures: ChildFigures | undefined;
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('{"summary"')) figures = JSON.parse(line) as ChildFigures;
  }
  const code = child.exitCode ?? (await new Promise<number | null>((r) => child.once('exit', r)));
  if (code !== 0 || !figures) throw new Error(`the promotion process failed (exit ${code})`);
  return figures;
}

async function run(people: number): Promise<void> {
  console.log(`\n== ${people} people (seed ${SEED}) ==`);
  const city = await cityUnderTest(people, SEED);
  try {
    const t = Date.now();
    const importer = city.app.get(ImportService);
    await importer.importAll();
    // As import-all does: the feeds are followed from the import on (police's from its time).
    await importer.followFeedsFromNow(undefined, new Date(t));
    const resolved = await city.app.get(ResolverService).resolve();
    console.log(
      `imported and resolved in ${((Date.now() - t) / 1000).toFixed(1)} s: ${resolved.goldenRecords} golden records`,
    );

    const child = await promoteInChild();
    const promoted = child.summary;
    console.log(`promote: ${JSON.stringify(promoted)}`);
    const copy = await bareCopy(city.db.url);
    console.log(
      `PROMOTE ${promoted.goldenRecords} golden records in ${child.seconds.toFixed(1)} s ` +
        `(${Math.round(promoted.goldenRecords / child.seconds)}/s, node CPU ${child.cpuSeconds.toFixed(1)} s), ` +
        `peak RSS ${mb(child.peakRss)} (${mb(child.rssBefore)} booted), ` +
        `peak heap in use ${mb(child.peakHeap)} (${mb(child.heapBefore)} booted); ` +
        `bare COPY of the same ${copy.rows} rows ${copy.seconds.toFixed(1)} s; ` +
        `ratio ${(child.seconds / copy.seconds).toFixed(2)}× (aim ≤ 3×)`,
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
