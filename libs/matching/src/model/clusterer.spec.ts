import fc from 'fast-check';
import { Clusterer, type ClusterMember, type ScoredPair } from './clusterer';

const THRESHOLDS = { link: 10, review: 0 };

const members = (...validIds: Array<string | null>): ClusterMember[] =>
  validIds.map((validId, i) => ({ validId, stableKey: `r${i}` }));

/** The partition as sorted lists of stable keys: comparable whatever the record order. */
function partition(clusterOf: Int32Array, keys: readonly string[]): string[][] {
  const groups = new Map<number, string[]>();
  clusterOf.forEach((label, i) => groups.set(label, [...(groups.get(label) ?? []), keys[i]]));
  return [...groups.values()].map((group) => group.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

describe(Clusterer.name, () => {
  it('links pairs above the link threshold transitively', () => {
    const sut = new Clusterer(members(null, null, null, null));
    const result = sut.cluster(
      [
        { a: 0, b: 1, score: 12 },
        { a: 1, b: 2, score: 15 },
        { a: 2, b: 3, score: 3 },
      ],
      THRESHOLDS,
    );
    expect(Array.from(result.clusterOf)).toEqual([0, 0, 0, 3]);
    expect(result.review).toEqual([{ a: 2, b: 3, score: 3 }]);
  });

  it('refuses a union that would put two different valid IDs in one cluster, stronger link first', () => {
    // Record 1 has a mistyped (invalid) number and scores against both 0 and 2.
    const sut = new Clusterer(members('A', null, 'B'));
    const result = sut.cluster(
      [
        { a: 1, b: 2, score: 14 },
        { a: 0, b: 1, score: 20 },
      ],
      THRESHOLDS,
    );
    expect(Array.from(result.clusterOf)).toEqual([0, 0, 2]);
    expect(result.refused).toEqual([{ a: 1, b: 2, score: 14 }]);
  });

  it('leaves review pairs out when their records already share a cluster', () => {
    const sut = new Clusterer(members(null, null, null));
    const pairs = [
      { a: 0, b: 1, score: 11 },
      { a: 1, b: 2, score: 11 },
      { a: 0, b: 2, score: 5 },
    ];
    expect(sut.cluster(pairs, THRESHOLDS).review).toEqual([]);
  });

  it('lets manual decisions override the model', () => {
    const sut = new Clusterer(members('A', 'B', null, null)).mustLink(0, 1).cannotLink(2, 3);
    const result = sut.cluster([{ a: 2, b: 3, score: 30 }], THRESHOLDS);
    expect(result.clusterOf[0]).toBe(result.clusterOf[1]);
    expect(result.clusterOf[2]).not.toBe(result.clusterOf[3]);
    expect(result.refused).toEqual([{ a: 2, b: 3, score: 30 }]);
  });

  it('keeps cannot-link pairs apart through chains of links and reports contradicting must-links', () => {
    const sut = new Clusterer(members(null, null, null, null)).cannotLink(0, 3).mustLink(0, 1).mustLink(1, 3);
    const result = sut.cluster(
      [
        { a: 1, b: 2, score: 20 },
        { a: 2, b: 3, score: 19 },
      ],
      THRESHOLDS,
    );
    expect(result.conflicts).toEqual([[1, 3]]);
    expect(result.clusterOf[0]).not.toBe(result.clusterOf[3]);
  });

  it('accepts a manually merged set with two valid IDs and links records of either ID into it', () => {
    const sut = new Clusterer(members('A', 'B', 'A', 'C')).mustLink(0, 1);
    const result = sut.cluster(
      [
        { a: 1, b: 2, score: 20 },
        { a: 2, b: 3, score: 20 },
      ],
      THRESHOLDS,
    );
    expect(Array.from(result.clusterOf)).toEqual([0, 0, 0, 3]);
  });

  describe('properties', () => {
    const scenario = fc.integer({ min: 2, max: 12 }).chain((n) =>
      fc.record({
        ids: fc.array(fc.constantFrom<string | null>(null, null, 'A', 'B', 'C'), {
          minLength: n,
          maxLength: n,
        }),
        pairs: fc.array(
          fc.record({ a: fc.nat(n - 1), b: fc.nat(n - 1), score: fc.integer({ min: -5, max: 25 }) }),
          { maxLength: 30 },
        ),
        must: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 }),
        cannot: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 }),
        order: fc.shuffledSubarray(
          Array.from({ length: n }, (_, i) => i),
          { minLength: n, maxLength: n },
        ),
      }),
    );

    function run(
      ids: Array<string | null>,
      pairs: ScoredPair[],
      must: Array<[number, number]>,
      cannot: Array<[number, number]>,
    ) {
      const sut = new Clusterer(members(...ids));
      must.forEach(([a, b]) => sut.mustLink(a, b));
      cannot.forEach(([a, b]) => sut.cannotLink(a, b));
      return sut.cluster(pairs, THRESHOLDS);
    }

    it('gives the same partition whatever the order of records and pairs', () => {
      fc.assert(
        fc.property(scenario, ({ ids, pairs, order }) => {
          const keys = ids.map((_, i) => `r${i}`);
          const original = run(ids, pairs, [], []);
          // Record i moves to position position[i]; stable keys travel with the records.
          const position = new Int32Array(ids.length);
          order.forEach((record, index) => (position[record] = index));
          const shuffledMembers = order.map((record) => ({ validId: ids[record], stableKey: keys[record] }));
          const moved = [...pairs]
            .reverse()
            .map((p) => ({ a: position[p.b], b: position[p.a], score: p.score }));
          const sut = new Clusterer(shuffledMembers).cluster(moved, THRESHOLDS);
          expect(
            partition(
              sut.clusterOf,
              shuffledMembers.map((m) => m.stableKey),
            ),
          ).toEqual(partition(original.clusterOf, keys));
        }),
      );
    });

    it('never merges two valid IDs without a manual decision', () => {
      fc.assert(
        fc.property(scenario, ({ ids, pairs }) => {
          const { clusterOf } = run(ids, pairs, [], []);
          const idOfCluster = new Map<number, string>();
          ids.forEach((id, i) => {
            if (id === null) return;
            expect(idOfCluster.get(clusterOf[i]) ?? id).toBe(id);
            idOfCluster.set(clusterOf[i], id);
          });
        }),
      );
    });

    it('respects every cannot-link, and every must-link that no cannot-link contradicts', () => {
      fc.assert(
        fc.property(scenario, ({ ids, pairs, must, cannot }) => {
          const cannotApart = cannot.filter(([a, b]) => a !== b);
          const { clusterOf, conflicts } = run(ids, pairs, must, cannotApart);
          for (const [a, b] of cannotApart) expect(clusterOf[a]).not.toBe(clusterOf[b]);
          const conflicting = (a: number, b: number) => conflicts.some(([x, y]) => x === a && y === b);
          const honoured = must.filter(([a, b]) => !conflicting(a, b));
          for (const [a, b] of honoured) expect(clusterOf[a]).toBe(clusterOf[b]);
          // A must-link is only refused when it would join two records declared apart.
          for (const [a, b] of conflicts) expect(clusterOf[a]).not.toBe(clusterOf[b]);
        }),
      );
    });
  });
});
