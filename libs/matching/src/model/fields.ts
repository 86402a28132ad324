/**
 * The comparison vector: one discrete agreement level per field. Levels run from strongest
 * agreement to disagreement; `missing` is always last and carries no evidence either way
 * (whether a field is blank depends on the source system, not on whether two records match).
 */
export const FIELD_LEVELS = {
  id: ['equal', 'near', 'different', 'missing'],
  name: ['exact', 'same-pinyin', 'similar', 'different', 'missing'],
  birthDate: ['equal', 'swapped', 'same-month', 'near', 'different', 'missing'],
  gender: ['equal', 'different', 'missing'],
  phone: ['equal', 'different', 'missing'],
  address: ['same-room', 'same-building', 'same-estate', 'different', 'missing'],
} as const;

export type Field = keyof typeof FIELD_LEVELS;

export type Level<F extends Field> = (typeof FIELD_LEVELS)[F][number];

/** A level that carries evidence, i.e. everything but `missing`. */
export type ScoredLevel<F extends Field> = Exclude<Level<F>, 'missing'>;

export type ComparisonVector = { readonly [F in Field]: Level<F> };

/** Fixed order: sums over fields then come out bit-identical whatever the input order. */
export const FIELDS: readonly Field[] = ['id', 'name', 'birthDate', 'gender', 'phone', 'address'];

export const MISSING = 'missing';

/** Index of a level within its field's list; the EM works on these small integers. */
export function levelIndex<F extends Field>(field: F, level: Level<F>): number {
  return (FIELD_LEVELS[field] as readonly string[]).indexOf(level);
}
