import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { INestApplicationContext } from '@nestjs/common';
import fc from 'fast-check';
import { generateCity } from '@hub/generator';
import {
  GoldenExportService,
  measureQuality,
  readTruth,
  ResolverService,
  SourceRecordRepository,
  type StagedPerson,
} from '@hub/resolution';
import { ImportService } from '@hub/resolution/departments';
import { startSimulator, type RunningSimulator } from '../simulator/support';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { hubContext } from './hub-context';

/** Each source record's golden id, by `system/recordId`. */
async function goldenOf(database: TestDatabase): Promise<Map<string, string | null>> {
  const rows: Array<{ key: string; golden_id: string | null }> = await database.db.query(
    `SELECT system || '/' || record_id AS key, golden_id FROM source_record`,
  );
  return new Map(rows.map((r) => [r.key, r.golden_id]));
}

async function staged(database: TestDatabase): Promise<StagedPerson[]> {
  const all: StagedPerson[] = [];
  for await (const batch of new SourceRecordRepository(database.db).readAll()) all.push(...batch);
  return all;
}

describe('import-all: a generated city through the departments’ own protocols, resolved into one record per person', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-city-'));
  let sim: RunningSimulator;
  let database: TestDatabase;
  let hub: INestApplicationContext;

  beforeAll(async () => {
    await generateCity({ people: 2_000, seed: 7, outDir: dir });
    sim = await startSimulator('import', { SIM_SEED_DIR: dir });
    database = await createTestDatabase('import');
    hub = await hubContext(database, sim);
    await hub.get(ImportService).importAll();
    await hub.get(ResolverService).resolve();
  }, 180_000);

  afterAll(async () => {
    await hub?.close();
    await database?.drop();
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('links the same person across systems without ever merging two people', async () => {
    const quality = await measureQuality(database.db, await readTruth(join(dir, 'truth.jsonl')));
    expect(quality.unknownRecords).toBe(0);
    expect(quality.sourceRecords).toBeGreaterThan(6_000);
    expect(quality.differentValidIdMerges).toBe(0);
    expect(quality.precision).toBeGreaterThanOrEqual(0.999);
    expect(quality.recall).toBeGreaterThanOrEqual(0.99);
    expect(quality.reviewShare).toBeLessThan(0.01);
    // The model must do better than matching on the ID number alone.
    expect(quality.recall).toBeGreaterThan(quality.baseline.recall);
  });

  it('importing the same content again changes no golden record', async () => {
    const before = await goldenOf(database);
    const [{ history }]: Array<{ history: number }> = await database.db.query(
      `SELECT count(*)::int AS history FROM golden_history`,
    );
    const results = await hub.get(ImportService).importAll();
    expect(results.every((r) => r.removed === 0)).toBe(true);
    await hub.get(ResolverService).resolve();
    expect(await goldenOf(database)).toEqual(before);
    const [after]: Array<{ history: number }> = await database.db.query(
      `SELECT count(*)::int AS history FROM golden_history`,
    );
    expect(after.history).toBe(history);
  });

  it('staging the same records shuffled, in other batch sizes, gives the same golden records', async () => {
    const expected = await goldenOf(database);
    const records = await staged(database);
    const persons = records.map(({ rowId: _row, goldenId: _golden, ...person }) => person);
    await fc.assert(
      fc.asyncProperty(fc.integer(), fc.integer({ min: 50, max: 5_000 }), async (seed, batch) => {
        const order = fc.sample(fc.shuffledSubarray(persons, { minLength: persons.length }), {
          seed,
          numRuns: 1,
        })[0];
        const copy = await createTestDatabase('import_shuffled');
        try {
          const store = new SourceRecordRepository(copy.db);
          for (let i = 0; i < order.length; i += batch)
            await store.upsert(order.slice(i, i + batch), new Date());
          await new ResolverService(copy.db).resolve();
          expect(await goldenOf(copy)).toEqual(expected);
        } finally {
          await copy.drop();
        }
      }),
      { numRuns: 2 },
    );
  }, 120_000);

  it('keeps every source record’s own id for the export', async () => {
    const rows: Array<{ system: string; n: number }> = await database.db.query(
      `SELECT system, count(*)::int AS n FROM source_record WHERE golden_id IS NULL GROUP BY system`,
    );
    expect(rows).toEqual([]);
    const civil: Array<{ record_id: string }> = await database.db.query(
      `SELECT record_id FROM source_record WHERE system = 'civil-assistance' LIMIT 5`,
    );
    for (const { record_id } of civil) expect(record_id).toMatch(/^MZ\d{12}\/\d+$/);
  });

  it('exports one JSON line per golden resident with its sources, and one per pending review', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const counts = await new GoldenExportService(database.db).write(out);
    out.end();
    const lines = Buffer.concat(chunks)
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const residents = lines.filter((l) => l.type === 'resident');
    const reviews = lines.filter((l) => l.type === 'review');
    expect(residents).toHaveLength(counts.residents);
    expect(reviews).toHaveLength(counts.reviews);
    const sources = residents.flatMap((r) => r.sources as Array<{ system: string; recordId: string }>);
    const keys = sources.map((x) => `${x.system}/${x.recordId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe((await goldenOf(database)).size);
    const ids = new Set(residents.map((r) => r.id));
    for (const review of reviews) {
      expect(ids.has(review.a)).toBe(true);
      expect(ids.has(review.b)).toBe(true);
      expect(typeof review.score).toBe('number');
    }
  });
});
