import { makeCitizenId } from '@hub/domain';
import fc from 'fast-check';
import type { SourcePerson } from '../source-person';
import { differentIdMerges, exactIdBaseline, pairwiseMetrics } from './evaluation';
import { resolvePeople } from './resolve';
import { address, sourcePerson } from './synthetic/source-person.fixture';
import { shuffled, seededRandom } from './seeded-random';
import { syntheticPopulation } from './synthetic/synthetic-population';

function partitionOf(records: readonly SourcePerson[], clusterOf: Int32Array): string[][] {
  const groups = new Map<number, string[]>();
  records.forEach((r, i) => groups.set(clusterOf[i], [...(groups.get(clusterOf[i]) ?? []), r.recordId]));
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

describe(resolvePeople.name, () => {
  const population = syntheticPopulation({ persons: 2000, seed: 11 });
  const sut = resolvePeople(population.records);

  it('finds most duplicates without wrong merges, well beyond exact-ID matching', () => {
    const metrics = pairwiseMetrics(sut.clustering.clusterOf, population.truth);
    const baseline = pairwiseMetrics(exactIdBaseline(population.records), population.truth);
    expect(metrics.precision).toBeGreaterThan(0.99);
    expect(metrics.recall).toBeGreaterThan(baseline.recall + 0.1);
    expect(metrics.f1).toBeGreaterThan(0.9);
    expect(
      differentIdMerges(
        sut.clustering.clusterOf,
        sut.prepared.map((p) => p.validId),
      ),
    ).toBe(0);
  });

  it('learns that an equal ID number is strong evidence and a different birth date strong counter-evidence', () => {
    expect(sut.model.fields.id.equal.weight).toBeGreaterThan(5);
    expect(sut.model.fields.birthDate.different.weight).toBeLessThan(-5);
    expect(sut.model.training.converged).toBe(true);
  });

  it('never merges twins: same birthday, address and surname, own names and valid IDs', () => {
    const home = address('清潭新村', '12', '1', '302');
    const twin = (name: string, sequence: number, system: string) =>
      sourcePerson({
        name,
        system,
        idNumber: makeCitizenId('320404', '2012-09-09', sequence),
        birthDate: '2012-09-09',
        address: home,
      });
    const records = [
      ...population.records,
      twin('刘欣', 222, 'public-health'),
      twin('刘怡', 224, 'public-health'),
    ];
    const { clusterOf } = resolvePeople(records, { model: sut.model }).clustering;
    expect(clusterOf[records.length - 2]).not.toBe(clusterOf[records.length - 1]);
  });

  it('gives the same clusters whatever the order of the records', () => {
    const small = syntheticPopulation({ persons: 150, seed: 3 }).records;
    const resolve = (records: SourcePerson[]) =>
      resolvePeople(records, { randomPairs: 20_000 }).clustering.clusterOf;
    const expected = partitionOf(small, resolve(small));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const records = shuffled(seededRandom(seed), small);
        expect(partitionOf(records, resolve(records))).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });

  it('applies staff decisions', () => {
    const records = syntheticPopulation({ persons: 100, seed: 5 }).records;
    const free = resolvePeople(records).clustering.clusterOf;
    const together = Array.from(free.keys()).find((i) => i > 0 && free[i] === free[i - 1]);
    if (together === undefined) throw new Error('fixture: expected two neighbouring records of one person');
    const { clusterOf } = resolvePeople(records, {
      cannotLink: [[together - 1, together]],
      mustLink: [[0, 99]],
    }).clustering;
    expect(clusterOf[together - 1]).not.toBe(clusterOf[together]);
    expect(clusterOf[0]).toBe(clusterOf[99]);
  });
});
