import { comparePeople } from './comparators/compare';
import type { Population } from './em';
import type { ComparisonVector } from './fields';
import type { PreparedPerson } from './prepared-person';
import { seededRandom } from './seeded-random';

export const DEFAULT_RANDOM_PAIRS = 200_000;

/**
 * A random sample of record pairs standing for the population (see `Population`). Records are
 * drawn from the list sorted by stable key, with a fixed seed, so the same records give the
 * same sample whatever order they arrive in.
 */
export function populationSample(
  people: readonly PreparedPerson[],
  count = DEFAULT_RANDOM_PAIRS,
  seed = 1,
): Population | undefined {
  const n = people.length;
  if (n < 2 || count <= 0) return undefined;
  const order = Array.from(people.keys()).sort((i, j) =>
    people[i].stableKey < people[j].stableKey ? -1 : people[i].stableKey > people[j].stableKey ? 1 : 0,
  );
  return { randomVectors: sampleVectors(people, order, count, seed), totalPairs: (n * (n - 1)) / 2 };
}

function* sampleVectors(
  people: readonly PreparedPerson[],
  order: readonly number[],
  count: number,
  seed: number,
): Iterable<ComparisonVector> {
  const random = seededRandom(seed);
  const n = order.length;
  for (let k = 0; k < count; k++) {
    const i = Math.floor(random() * n);
    // A second index from the other n-1 records: never a record paired with itself.
    const j = (i + 1 + Math.floor(random() * (n - 1))) % n;
    yield comparePeople(people[order[i]], people[order[j]]);
  }
}
