import type { SourcePerson } from '../source-person';
import { candidatePairs, type BlockingPass } from './blocking';
import { Clusterer, type Clustering, type ScoredPair } from './clusterer';
import { comparePeople } from './comparators/compare';
import { fitModel, type FitOptions } from './em';
import { score, type Model } from './fellegi-sunter';
import type { ComparisonVector } from './fields';
import { hardRule } from './hard-rules';
import { NameFrequencies } from './name-frequencies';
import { prepareAll, type PreparedPerson } from './prepared-person';
import { DEFAULT_RANDOM_PAIRS, populationSample } from './random-pairs';

export interface ResolveOptions {
  maxBlockSize?: number;
  /** A model fitted before (e.g. on the full import); fitted on these records when absent. */
  model?: Model;
  fit?: Omit<FitOptions, 'population'>;
  /** Random pairs sampled for u (see `Population`); 0 learns every u from candidate pairs. */
  randomPairs?: number;
  /** Staff decisions, as record indices into `people`. */
  mustLink?: ReadonlyArray<readonly [number, number]>;
  cannotLink?: ReadonlyArray<readonly [number, number]>;
}

export interface Resolution {
  prepared: PreparedPerson[];
  model: Model;
  frequencies: NameFrequencies;
  /** Candidate pairs scoring at least the review threshold. */
  scoredPairs: ScoredPair[];
  clustering: Clustering;
  stats: {
    candidatePairs: number;
    /** Candidate pairs a hard rule declared two people before scoring. */
    ruledOut: number;
    skippedBlocks: Record<BlockingPass, number>;
  };
}

/**
 * The whole model in one call: prepare, block, rule out, fit, score (with the name
 * term-frequency adjustment), cluster. Every step is independent of the records' order.
 */
export function resolvePeople(people: readonly SourcePerson[], options: ResolveOptions = {}): Resolution {
  const prepared = prepareAll(people);
  const frequencies = NameFrequencies.fromNames(prepared.map((p) => p.name));
  const candidates = candidatePairs(prepared, { maxBlockSize: options.maxBlockSize });
  const kept: number[] = [];
  for (let k = 0; k < candidates.left.length; k++) {
    if (hardRule(prepared[candidates.left[k]], prepared[candidates.right[k]]) === null) kept.push(k);
  }
  const vectorOf = (k: number): ComparisonVector =>
    comparePeople(prepared[candidates.left[k]], prepared[candidates.right[k]]);
  // Fitted on every candidate pair, ruled-out ones included: they are certain non-matches, and
  // without them u would be learned from the few non-matches that lack a second valid ID.
  // Vectors are recomputed rather than kept: comparing is cheaper than holding millions of objects.
  const model =
    options.model ??
    fitModel(vectorsOf(candidates.left.length, vectorOf), {
      ...options.fit,
      population: populationSample(prepared, options.randomPairs ?? DEFAULT_RANDOM_PAIRS),
    });

  const scoredPairs: ScoredPair[] = [];
  for (const k of kept) {
    const [a, b] = [candidates.left[k], candidates.right[k]];
    const vector = vectorOf(k);
    const name = prepared[a].name;
    const tf = vector.name === 'exact' && name !== null ? { name: frequencies.adjustment(name) } : undefined;
    const weight = score(model, vector, tf);
    if (weight >= model.thresholds.review) scoredPairs.push({ a, b, score: weight });
  }

  const clusterer = new Clusterer(prepared);
  options.mustLink?.forEach(([a, b]) => clusterer.mustLink(a, b));
  options.cannotLink?.forEach(([a, b]) => clusterer.cannotLink(a, b));
  return {
    prepared,
    model,
    frequencies,
    scoredPairs,
    clustering: clusterer.cluster(scoredPairs, model.thresholds),
    stats: {
      candidatePairs: candidates.left.length,
      ruledOut: candidates.left.length - kept.length,
      skippedBlocks: candidates.skippedBlocks,
    },
  };
}

function* vectorsOf(count: number, vectorOf: (k: number) => ComparisonVector): Iterable<ComparisonVector> {
  for (let k = 0; k < count; k++) yield vectorOf(k);
}
