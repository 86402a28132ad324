/** Same length, and either one position differs or two neighbours are swapped (`12` ↔ `21`). */
export function oneSubstitutionOrTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let first = -1;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (++count === 1) first = i;
    if (count > 2) return false;
  }
  if (count <= 1) return true;
  const second = first + 1;
  return a[second] !== b[second] && a[first] === b[second] && a[second] === b[first];
}

/** Levenshtein distance ≤ 1, in one pass without a matrix. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < shorter.length && shorter[i] === longer[i]) i++;
  if (shorter.length === longer.length) return shorter.slice(i + 1) === longer.slice(i + 1);
  return shorter.slice(i) === longer.slice(i + 1);
}

/** Number of positions at which two equally long strings differ (Infinity otherwise). */
export function differingPositions(a: string, b: string): number {
  if (a.length !== b.length) return Infinity;
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) count++;
  return count;
}
