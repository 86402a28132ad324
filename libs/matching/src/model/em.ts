import { DEFAULT_POSTERIORS, modelFromProbabilities, type Model, type Posteriors } from './fellegi-sunter';
import { FIELD_LEVELS, FIELDS, levelIndex, type ComparisonVector, type Field } from './fields';

export interface FitOptions {
  maxIterations?: number;
  /** Stop when no probability moves by more than this between two iterations. */
  tolerance?: number;
  /** Starting share of matches among candidate pairs. */
  initialMatchProportion?: number;
  /** Posterior probabilities for the link and review thresholds. */
  posteriors?: Posteriors;
  population?: Population;
}

/**
 * Random record pairs standing for the whole population. Blocked pairs over-represent
 * agreement between different people: namesakes share the pinyin-and-year blocks, twins the
 * ID-birth blocks. EM on them learns a u for "same name" or "same birthday" far above chance,
 * which makes the model timid exactly where the evidence is strongest (no ID, same name, same
 * birthday). With a random sample, u for `fields` is the share of each level among random
 * pairs, and λ becomes the share of matches among all pairs (the prior that goes with that u).
 */
export interface Population {
  randomVectors: Iterable<ComparisonVector>;
  /** n(n-1)/2 for n records. */
  totalPairs: number;
  /** Fields whose u comes from the sample; default `CHANCE_FIELDS`. */
  fields?: readonly Field[];
}

/**
 * Fields on which different people agree by chance. Phone and address are left out: a whole
 * household shares both, so random-pair u for each would count the one fact "same household"
 * twice and merge husband and wife. Learned on candidate pairs, where household members are
 * the typical non-match, their u measures only what they add beyond that.
 */
export const CHANCE_FIELDS: readonly Field[] = ['id', 'name', 'birthDate', 'gender'];

/**
 * A pseudo-count per level (a symmetric Dirichlet prior) so that a level never seen among
 * matches or non-matches gets a small probability instead of an infinite weight.
 */
const PSEUDO_COUNT = 0.1;
const FIELD_COUNT = FIELDS.length;
/** Per field, the number of levels carrying evidence; `missing` is the last index. */
const SCORED = FIELDS.map((field) => FIELD_LEVELS[field].length - 1);
const RADIX = FIELDS.map((field) => FIELD_LEVELS[field].length);

/**
 * Unsupervised Fellegi–Sunter: EM over the candidate pairs' comparison vectors, assuming
 * fields agree independently given match status. Vectors are first counted by pattern (at
 * most a few thousand distinct ones), so an iteration costs the same for a thousand or ten
 * million pairs; patterns are visited in a fixed order so the result does not depend on the
 * order the vectors came in.
 */
export function fitModel(vectors: Iterable<ComparisonVector>, options: FitOptions = {}): Model {
  const { maxIterations = 500, tolerance = 1e-7, initialMatchProportion = 0.3, population } = options;
  const { levels, counts } = countPatterns(vectors);
  const m = FIELDS.map((_, f) =>
    normalise(Array.from({ length: SCORED[f] }, (_, l) => (SCORED[f] - l) ** 3)),
  );
  const u = FIELDS.map((_, f) => normalise(Array.from({ length: SCORED[f] }, (_, l) => (l + 1) ** 3)));
  let lambda = initialMatchProportion;
  let iterations = 0;
  let converged = false;

  while (!converged && iterations < maxIterations && counts.length > 0) {
    iterations++;
    const mAcc = FIELDS.map((_, f) => new Float64Array(SCORED[f]));
    const uAcc = FIELDS.map((_, f) => new Float64Array(SCORED[f]));
    let matches = 0;
    let total = 0;
    for (let p = 0; p < counts.length; p++) {
      let pm = lambda;
      let pu = 1 - lambda;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const l = levels[p * FIELD_COUNT + f];
        if (l === SCORED[f]) continue;
        pm *= m[f][l];
        pu *= u[f][l];
      }
      const g = pm / (pm + pu);
      const c = counts[p];
      matches += c * g;
      total += c;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const l = levels[p * FIELD_COUNT + f];
        if (l === SCORED[f]) continue;
        mAcc[f][l] += c * g;
        uAcc[f][l] += c * (1 - g);
      }
    }
    const nextLambda = Math.min(Math.max(matches / total, 1e-9), 1 - 1e-9);
    let change = Math.abs(nextLambda - lambda);
    lambda = nextLambda;
    for (let f = 0; f < FIELD_COUNT; f++) {
      change = Math.max(change, replace(m[f], smoothed(mAcc[f])));
      change = Math.max(change, replace(u[f], smoothed(uAcc[f])));
    }
    converged = change < tolerance;
  }

  const pairs = counts.reduce((sum, c) => sum + c, 0);
  const training = { pairs, patterns: counts.length, iterations, converged, uFromRandomPairs: [] as Field[] };
  if (population && pairs > 0) {
    const shares = levelShares(population.randomVectors);
    training.uFromRandomPairs = [...(population.fields ?? CHANCE_FIELDS)];
    for (const field of training.uFromRandomPairs) u[FIELDS.indexOf(field)] = shares[FIELDS.indexOf(field)];
    lambda = Math.min((lambda * pairs) / population.totalPairs, 1 - 1e-9);
  }
  const byField = (values: number[][]) =>
    new Map<Field, number[]>(FIELDS.map((field, f) => [field, values[f]]));
  return modelFromProbabilities(
    lambda,
    byField(m),
    byField(u),
    training,
    options.posteriors ?? DEFAULT_POSTERIORS,
  );
}

/** Distinct level patterns, sorted by their mixed-radix code, with how often each occurs. */
function countPatterns(vectors: Iterable<ComparisonVector>): { levels: Uint8Array; counts: number[] } {
  const byCode = new Map<number, number>();
  for (const vector of vectors) {
    let code = 0;
    for (let f = 0; f < FIELD_COUNT; f++) code = code * RADIX[f] + levelIndex(FIELDS[f], vector[FIELDS[f]]);
    byCode.set(code, (byCode.get(code) ?? 0) + 1);
  }
  const codes = [...byCode.keys()].sort((a, b) => a - b);
  const levels = new Uint8Array(codes.length * FIELD_COUNT);
  codes.forEach((code, p) => {
    for (let f = FIELD_COUNT - 1; f >= 0; f--) {
      levels[p * FIELD_COUNT + f] = code % RADIX[f];
      code = Math.floor(code / RADIX[f]);
    }
  });
  return { levels, counts: codes.map((code) => byCode.get(code) ?? 0) };
}

function levelShares(vectors: Iterable<ComparisonVector>): number[][] {
  const counts = FIELDS.map((_, f) => new Float64Array(SCORED[f]));
  for (const vector of vectors) {
    FIELDS.forEach((field, f) => {
      const l = levelIndex(field, vector[field]);
      if (l !== SCORED[f]) counts[f][l]++;
    });
  }
  return counts.map(smoothed);
}

function smoothed(counts: Float64Array): number[] {
  return normalise(Array.from(counts, (c) => c + PSEUDO_COUNT));
}

function normalise(values: number[]): number[] {
  const sum = values.reduce((a, b) => a + b, 0);
  return values.map((v) => v / sum);
}

/** Overwrites `target` with `next`; returns the largest change. */
function replace(target: number[], next: number[]): number {
  let change = 0;
  next.forEach((value, i) => {
    change = Math.max(change, Math.abs(value - target[i]));
    target[i] = value;
  });
  return change;
}
