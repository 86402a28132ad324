/**
 * Generates a synthetic city and writes, household by household, every department's seed file,
 * the ground truth (truth.jsonl, people.jsonl) and a manifest of what was written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRealDate, shanghaiToday } from './calendar';
import { generateHouseholds } from './city/city';
import { resolveNoise, type NoiseOptions, type NoiseRates } from './noise';
import { TruthWriter } from './output/truth';
import { createWriters } from './writers';

export interface GenerateCityOptions {
  /** How many people the city has (1 000 to 1 000 000 intended). */
  people: number;
  /** Same seed, same options: byte-identical files. */
  seed: number;
  outDir: string;
  /** `yyyy-MM-dd` the files stand for (ages, terms, coverage); default today in Asia/Shanghai. */
  referenceDate?: string;
  noise?: NoiseOptions;
  /** Community codes to fill (the demo fills one street's communities); default spread over the city. */
  communities?: readonly string[];
  /** Called after each household with the number of people generated so far. */
  onProgress?: (people: number) => void;
}

export interface GenerateCityResult {
  people: number;
  households: number;
  referenceDate: string;
  noise: NoiseRates;
  /** Source records written per system (truth lines). */
  records: Record<string, number>;
  files: string[];
}

export async function generateCity(options: GenerateCityOptions): Promise<GenerateCityResult> {
  const { people, seed, outDir } = options;
  if (!Number.isInteger(people) || people < 1) throw new RangeError('people must be a positive integer');
  if (!Number.isFinite(seed)) throw new RangeError('seed must be a number');
  const referenceDate = options.referenceDate ?? shanghaiToday();
  if (!isRealDate(referenceDate)) throw new RangeError('referenceDate must be a real yyyy-MM-dd date');
  const noise = resolveNoise(options.noise);
  mkdirSync(outDir, { recursive: true });
  const truth = new TruthWriter(outDir);
  const writers = createWriters({ outDir, seed, reference: referenceDate, noise, truth });
  let generated = 0;
  let households = 0;
  for (const household of generateHouseholds({
    people,
    seed,
    reference: referenceDate,
    communities: options.communities,
  })) {
    for (const person of household.members) truth.person(person);
    for (const writer of writers) writer.household(household);
    generated += household.members.length;
    households++;
    options.onProgress?.(generated);
  }
  for (const writer of writers) await writer.finish();
  truth.close();
  const result: GenerateCityResult = {
    people: generated,
    households,
    referenceDate,
    noise,
    records: Object.fromEntries(writers.map((w) => [w.slug, truth.records[w.slug] ?? 0])),
    files: [...writers.map((w) => w.file), 'truth.jsonl', 'people.jsonl', 'manifest.json'],
  };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify({ seed, ...result }, null, 2)}\n`);
  return result;
}
