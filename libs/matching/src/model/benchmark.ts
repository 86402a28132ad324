import { comparePeople } from './comparators/compare';
import { fitModel } from './em';
import { score } from './fellegi-sunter';
import { hardRule } from './hard-rules';
import { NameFrequencies } from './name-frequencies';
import { prepareAll } from './prepared-person';
import { seededRandom } from './seeded-random';
import { syntheticPopulation } from './synthetic/synthetic-population';

export interface PairBenchmark {
  records: number;
  prepareSeconds: number;
  pairs: number;
  seconds: number;
  pairsPerSecond: number;
}

/**
 * Micro-benchmark of the per-pair work (hard rules, comparison vector, TF lookup, score) on
 * synthetic records; half the pairs are neighbours (often one person), half random. Not a
 * test: timing assertions are flaky, the figure goes in the report.
 */
export function benchmarkPairComparison(pairCount = 100_000, persons = 20_000): PairBenchmark {
  const { records } = syntheticPopulation({ persons, seed: 20240501 });
  const started = performance.now();
  const prepared = prepareAll(records);
  const prepareSeconds = (performance.now() - started) / 1000;

  const random = seededRandom(7);
  const left = new Int32Array(pairCount);
  const right = new Int32Array(pairCount);
  for (let k = 0; k < pairCount; k++) {
    left[k] = Math.floor(random() * (prepared.length - 1));
    right[k] = k % 2 === 0 ? left[k] + 1 : Math.floor(random() * prepared.length);
  }
  const frequencies = NameFrequencies.fromNames(prepared.map((p) => p.name));
  const model = fitModel(
    Array.from({ length: 10_000 }, (_, k) => comparePeople(prepared[left[k]], prepared[right[k]])),
  );

  const timed = performance.now();
  let checksum = 0;
  for (let k = 0; k < pairCount; k++) {
    const [a, b] = [prepared[left[k]], prepared[right[k]]];
    if (hardRule(a, b) !== null) continue;
    const vector = comparePeople(a, b);
    const tf =
      vector.name === 'exact' && a.name !== null ? { name: frequencies.adjustment(a.name) } : undefined;
    checksum += score(model, vector, tf);
  }
  const seconds = (performance.now() - timed) / 1000;
  if (Number.isNaN(checksum)) throw new Error('benchmarkPairComparison: a score was NaN');
  return {
    records: prepared.length,
    prepareSeconds,
    pairs: pairCount,
    seconds,
    pairsPerSecond: pairCount / seconds,
  };
}
