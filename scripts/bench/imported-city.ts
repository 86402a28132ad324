import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { generateCity } from '@hub/generator';
import { loadHubConfig } from '@hub/infra';
// Apps have no alias; the bench boots the CLI's module in-process, as `npm run hub` does.
import { CliModule } from '../../apps/cli/src/cli.module';
import { createBenchDatabase, dropDatabasesLike, urlFor, type BenchDatabase } from './bench-db';
import { startSimulator } from './fanout-processes';

/** A generated city loaded into the simulated departments, and the hub's context against it. */
export interface CityUnderTest {
  dir: string;
  db: BenchDatabase;
  app: INestApplicationContext;
  /** Stops the simulator and closes the context; drops everything unless `keep`. */
  close(keep: boolean): Promise<void>;
}

/**
 * Resident set size and V8 heap in use, sampled every 200 ms: the peaks of a step. RSS alone
 * overstates what a step keeps (V8 collects lazily under a large heap limit); the heap in use is
 * what grows with the input if anything is held.
 */
export function memoryPeak(): { stop(): number; heap(): number } {
  let peak = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peak = Math.max(peak, now.rss);
    heap = Math.max(heap, now.heapUsed);
  }, 200);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
    heap: () => heap,
  };
}

export const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Generates a city of `people`, starts the departments on its seed files and the hub's context. */
export async function cityUnderTest(people: number, seed: number): Promise<CityUnderTest> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `hub-city-${people}-`));
  const db = await createBenchDatabase();
  const simName = `${db.name}_sim`;
  let t = Date.now();
  const city = await generateCity({ people, seed, outDir: dir });
  console.log(
    `generated in ${((Date.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(city.records ?? city)}`,
  );
  t = Date.now();
  const sim = await startSimulator(urlFor(simName), 'off', { seedDir: dir, startupTimeoutMs: 3_600_000 });
  console.log(`simulated departments loaded their seeds in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  process.env.DATABASE_URL = db.url;
  process.env.SIM_DATABASE_URL = urlFor(simName);
  process.env.DEPARTMENT_URLS = JSON.stringify(sim.urls);
  process.env.LOG_LEVEL = 'warn';
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(loadHubConfig()), {
    logger: ['error'],
  });
  return {
    dir,
    db,
    app,
    async close(keep) {
      await app.close();
      await sim.stop();
      if (keep) {
        console.log(`kept: ${dir}, ${db.name}, ${simName}`);
        return;
      }
      await db.drop();
      await dropDatabasesLike(simName);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
