import type { SourcePerson } from '../source-person';

export interface PairwiseMetrics {
  /** Record pairs in the same cluster that are one person. */
  truePositives: number;
  /** Record pairs the clustering puts together. */
  predictedPairs: number;
  /** Record pairs that truly are one person. */
  truePairs: number;
  /** 1 when nothing was merged (nothing wrong was claimed). */
  precision: number;
  /** 1 when there was nothing to find. */
  recall: number;
  f1: number;
}

const pairsIn = (size: number): number => (size * (size - 1)) / 2;

/**
 * Pairwise precision and recall, counted from cluster sizes rather than by listing pairs, so a
 * million records with large clusters cost O(n).
 */
export function pairwiseMetrics(
  clusterOf: ArrayLike<number>,
  truth: ArrayLike<string | number>,
): PairwiseMetrics {
  if (clusterOf.length !== truth.length) throw new RangeError('pairwiseMetrics: one truth label per record');
  const clusterSizes = new Map<number, number>();
  const truthSizes = new Map<string | number, number>();
  const overlapSizes = new Map<string, number>();
  for (let i = 0; i < clusterOf.length; i++) {
    increment(clusterSizes, clusterOf[i]);
    increment(truthSizes, truth[i]);
    increment(overlapSizes, `${clusterOf[i]}\u0000${truth[i]}`);
  }
  const sumPairs = (sizes: Map<unknown, number>) =>
    [...sizes.values()].reduce((sum, s) => sum + pairsIn(s), 0);
  const [truePositives, predictedPairs, truePairs] = [
    sumPairs(overlapSizes),
    sumPairs(clusterSizes),
    sumPairs(truthSizes),
  ];
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, predictedPairs, truePairs, precision, recall, f1 };
}

/**
 * Wrong merges of two different valid ID numbers: per cluster, distinct valid IDs minus one,
 * summed. Should be zero for the model (the clusterer refuses them), not for a naive matcher.
 */
export function differentIdMerges(clusterOf: ArrayLike<number>, validIds: ArrayLike<string | null>): number {
  const idsByCluster = new Map<number, Set<string>>();
  for (let i = 0; i < clusterOf.length; i++) {
    const id = validIds[i];
    if (id === null) continue;
    const ids = idsByCluster.get(clusterOf[i]) ?? new Set<string>();
    ids.add(id);
    idsByCluster.set(clusterOf[i], ids);
  }
  return [...idsByCluster.values()].reduce((sum, ids) => sum + ids.size - 1, 0);
}

/**
 * What a matcher without a model does: records with the same normalised ID number are one
 * person, every other record is alone. The benchmark's point of comparison.
 */
export function exactIdBaseline(people: readonly SourcePerson[]): Int32Array {
  const firstWithId = new Map<string, number>();
  return Int32Array.from(people, (p, i) => {
    if (!p.idNumber) return i;
    const first = firstWithId.get(p.idNumber) ?? i;
    firstWithId.set(p.idNumber, first);
    return first;
  });
}

function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
