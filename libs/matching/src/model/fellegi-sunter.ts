import { FIELD_LEVELS, FIELDS, MISSING, type ComparisonVector, type Field, type ScoredLevel } from './fields';

export interface LevelParameters {
  /** P(level | the two records are one person). */
  m: number;
  /** P(level | two different people), among candidate pairs. */
  u: number;
  /** log2(m / u): the evidence this level adds to a pair's score. */
  weight: number;
}

export type FieldParameters<F extends Field> = Record<ScoredLevel<F>, LevelParameters>;

/** Scores at or above `link` merge; at or above `review` go to staff. In match-weight bits. */
export interface Thresholds {
  link: number;
  review: number;
}

export type MatchClass = 'link' | 'review' | 'non-match';

/** A fitted Fellegi–Sunter model; plain data, so `JSON.stringify` / `JSON.parse` round-trip it. */
export interface Model {
  version: 1;
  /**
   * λ: share of pairs that are one person — among all record pairs when u came from random
   * pairs, else among candidate pairs. Its log-odds is the prior that `posterior` adds.
   */
  matchProportion: number;
  fields: { [F in Field]: FieldParameters<F> };
  thresholds: Thresholds;
  /** The posterior probabilities the thresholds were derived from. */
  posteriors: Posteriors;
  training: {
    /** Candidate pairs EM saw, and how many distinct level patterns they had. */
    pairs: number;
    patterns: number;
    iterations: number;
    converged: boolean;
    /** Fields whose u was measured on random pairs rather than learned by EM. */
    uFromRandomPairs: Field[];
  };
}

/** Per-field adjustments in bits, applied only on an exact agreement (see `NameFrequencies`). */
export interface TermFrequencyAdjustments {
  name?: number;
}

/** Defaults: link at 99.9 % posterior (one wrong merge in a thousand), review from 50 %. */
export const DEFAULT_POSTERIORS: Readonly<Posteriors> = { link: 0.999, review: 0.5 };

export interface Posteriors {
  link: number;
  review: number;
}

const logOdds2 = (p: number): number => Math.log2(p / (1 - p));

/**
 * The match weight Σ log2(m/u) over non-missing fields, plus any term-frequency adjustment.
 * It excludes the prior, as in Fellegi–Sunter; `posterior` adds it back.
 */
export function score(model: Model, vector: ComparisonVector, tf?: TermFrequencyAdjustments): number {
  let total = 0;
  for (const field of FIELDS) {
    const level = vector[field];
    if (level === MISSING) continue;
    total += (model.fields[field] as Record<string, LevelParameters>)[level].weight;
  }
  if (tf?.name !== undefined && vector.name === 'exact') total += tf.name;
  return total;
}

/** P(one person | score): Bayes with the fitted prior λ. */
export function posterior(model: Model, matchWeight: number): number {
  return 1 / (1 + 2 ** -(matchWeight + logOdds2(model.matchProportion)));
}

/**
 * Thresholds from posterior probabilities: a pair links when P(match) ≥ `link`, which in
 * weight is logit2(link) − logit2(λ). They therefore follow the fitted model instead of being
 * hand-tuned numbers that silently go stale when the data changes.
 */
export function thresholdsFor(
  matchProportion: number,
  posteriors: Posteriors = DEFAULT_POSTERIORS,
): Thresholds {
  const prior = logOdds2(matchProportion);
  return { link: logOdds2(posteriors.link) - prior, review: logOdds2(posteriors.review) - prior };
}

export function classify(matchWeight: number, thresholds: Thresholds): MatchClass {
  if (matchWeight >= thresholds.link) return 'link';
  return matchWeight >= thresholds.review ? 'review' : 'non-match';
}

/** Builds a model from m and u per field level (indices as in `FIELD_LEVELS`, `missing` left out). */
export function modelFromProbabilities(
  matchProportion: number,
  m: ReadonlyMap<Field, ArrayLike<number>>,
  u: ReadonlyMap<Field, ArrayLike<number>>,
  training: Model['training'],
  posteriors: Posteriors = DEFAULT_POSTERIORS,
): Model {
  const fields = {} as Record<Field, Record<string, LevelParameters>>;
  for (const field of FIELDS) {
    const levels = FIELD_LEVELS[field].filter((level) => level !== MISSING);
    const [mf, uf] = [m.get(field), u.get(field)];
    if (!mf || !uf) throw new RangeError(`modelFromProbabilities: no probabilities for ${field}`);
    fields[field] = Object.fromEntries(
      levels.map((level, i) => [level, { m: mf[i], u: uf[i], weight: Math.log2(mf[i] / uf[i]) }]),
    );
  }
  return {
    version: 1,
    matchProportion,
    fields: fields as Model['fields'],
    thresholds: thresholdsFor(matchProportion, posteriors),
    posteriors: { ...posteriors },
    training,
  };
}
