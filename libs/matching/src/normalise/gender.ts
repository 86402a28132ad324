/** GB/T 2261.1 binary codes from the ways departments write a gender. */

const MALE = new Set(['1', '男', '男性', 'm', 'male']);
const FEMALE = new Set(['2', '女', '女性', 'f', 'female']);

/**
 * `1`/`2`, `男`/`女`, `M`/`F`, `male`/`female` → `'1'` male, `'2'` female. `0` unknown, `9`
 * unspecified, FHIR `unknown` and anything else are null: they say nothing to compare.
 */
export function normaliseGender(raw: unknown): '1' | '2' | null {
  const text = typeof raw === 'string' || typeof raw === 'number' ? String(raw).normalize('NFKC') : '';
  const key = text.trim().toLowerCase();
  if (MALE.has(key)) return '1';
  if (FEMALE.has(key)) return '2';
  return null;
}
