import {
  FIELDS,
  MISSING,
  type ComparisonVector,
  type Field,
  type Model,
  type SourcePerson,
} from '@hub/matching';

/** One field of a review pair: what each side says, how they compare, and what that weighs. */
export interface FieldEvidence {
  field: Field;
  level: string;
  /** Bits of evidence for (positive) or against (negative) one person; 0 when a side is missing. */
  weight: number;
  a: string | null;
  b: string | null;
}

const valueOf = (p: SourcePerson, field: Field): string | null => {
  if (field === 'id') return p.idNumber ?? p.idNumberRaw;
  if (field === 'address') return p.address?.text ?? null;
  return p[field];
};

/** The evidence per field that reviewers see beside the two records. */
export function evidenceOf(
  model: Model,
  vector: ComparisonVector,
  a: SourcePerson,
  b: SourcePerson,
): FieldEvidence[] {
  return FIELDS.map((field) => {
    const level = vector[field];
    const weight =
      level === MISSING ? 0 : (model.fields[field] as Record<string, { weight: number }>)[level].weight;
    return {
      field,
      level,
      weight: Math.round(weight * 100) / 100,
      a: valueOf(a, field),
      b: valueOf(b, field),
    };
  });
}
