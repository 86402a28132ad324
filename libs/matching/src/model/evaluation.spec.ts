import { differentIdMerges, exactIdBaseline, pairwiseMetrics } from './evaluation';
import { sourcePerson } from './synthetic/source-person.fixture';

describe(pairwiseMetrics.name, () => {
  it('counts pairs from cluster and truth sizes', () => {
    // Truth: {0,1,2} and {3}. Clusters: {0,1} and {2,3}.
    const sut = pairwiseMetrics([0, 0, 2, 2], ['p', 'p', 'p', 'q']);
    expect(sut).toMatchObject({ truePositives: 1, predictedPairs: 2, truePairs: 3 });
    expect(sut.precision).toBeCloseTo(0.5);
    expect(sut.recall).toBeCloseTo(1 / 3);
    expect(sut.f1).toBeCloseTo(0.4);
  });

  it('is perfect for the true partition and says so when nothing is merged', () => {
    expect(pairwiseMetrics([5, 5, 7], [1, 1, 2]).f1).toBe(1);
    expect(pairwiseMetrics([0, 1], [0, 1])).toMatchObject({ precision: 1, recall: 1 });
  });
});

describe(differentIdMerges.name, () => {
  it('counts each extra valid ID in a cluster', () => {
    expect(differentIdMerges([0, 0, 0, 3, 3], ['A', 'B', 'C', 'D', null])).toBe(2);
    expect(differentIdMerges([0, 0, 2], ['A', 'A', 'B'])).toBe(0);
  });
});

describe(exactIdBaseline.name, () => {
  it('groups records by ID number and leaves records without one alone', () => {
    const records = [
      sourcePerson(),
      sourcePerson({ idNumber: null }),
      sourcePerson(),
      sourcePerson({ idNumber: null }),
    ];
    expect(Array.from(exactIdBaseline(records))).toEqual([0, 1, 0, 3]);
  });
});
