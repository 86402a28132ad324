/** A small generated city in a temporary directory, read back, for the generator's specs. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCity, type GenerateCityResult } from '../generate-city';
import type { NoiseOptions } from '../noise';
import type { PersonLine, TruthLine } from '../output/truth';
import { readPeople, readSeedRecords, readTruth, type SeedRecord } from './seed-reader';

export const REFERENCE_DATE = '2026-11-27';

export interface GeneratedCity {
  dir: string;
  result: GenerateCityResult;
  records: SeedRecord[];
  truth: TruthLine[];
  people: Map<string, PersonLine>;
  /** Truth line of a record, by `system` + recordId. */
  truthOf(record: SeedRecord): TruthLine;
  remove(): void;
}

export async function generatedCity(people = 4000, seed = 7, noise?: NoiseOptions): Promise<GeneratedCity> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-generator-'));
  const result = await generateCity({ people, seed, outDir: dir, referenceDate: REFERENCE_DATE, noise });
  const truth = readTruth(dir);
  const byRecord = new Map(truth.map((t) => [`${t.system} ${t.recordId}`, t]));
  return {
    dir,
    result,
    records: await readSeedRecords(dir),
    truth,
    people: new Map(readPeople(dir).map((p) => [p.key, p])),
    truthOf(record) {
      const line = byRecord.get(`${record.system} ${record.recordId}`);
      if (!line) throw new Error(`no truth for ${record.system} ${record.recordId}`);
      return line;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
