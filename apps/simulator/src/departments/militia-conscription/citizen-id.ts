/**
 * The department's own check of a citizen ID number (GB 11643-1999). Kept local on purpose: the
 * simulator stands in for a foreign system and must not share the hub's validation code.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function checkCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  return CHECK_CHARS[sum % 11];
}

/** True for an 18-character number whose date is real and whose check character matches. */
export function isValidCitizenId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const birth = birthDateOf(id);
  const date = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birth) return false;
  return checkCharacter(id.slice(0, 17)) === id[17];
}

/** `yyyy-MM-dd` from an 18-digit number. */
export function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** The sequence digit is odd for men. */
export function isMale(id: string): boolean {
  return Number(id[16]) % 2 === 1;
}
