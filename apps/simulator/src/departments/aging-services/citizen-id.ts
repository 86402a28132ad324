/**
 * GB 11643-1999 checks as this department's own system performs them, legacy 15-digit numbers
 * included. Every departmental system carries its own copy: the simulator must not import the
 * hub's domain library.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

function checkCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  return CHECK_CHARACTERS[sum % 11];
}

function isRealDate(yyyyMMdd: string): boolean {
  const [y, m, d] = [yyyyMMdd.slice(0, 4), yyyyMMdd.slice(4, 6), yyyyMMdd.slice(6, 8)].map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isValidCitizenId(id: string): boolean {
  return (
    /^\d{17}[\dX]$/.test(id) && isRealDate(id.slice(6, 14)) && checkCharacter(id.slice(0, 17)) === id[17]
  );
}

export const isLegacyId = (id: string): boolean => /^\d{15}$/.test(id) && isRealDate(`19${id.slice(6, 12)}`);

/** A legacy number in its 18-digit form: `19` inserted before the year, check character appended. */
export function toEighteen(id: string): string {
  if (!isLegacyId(id)) return id;
  const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  return first17 + checkCharacter(first17);
}

/** yyyy-MM-dd from an 18-digit or legacy 15-digit number. */
export function birthDateOf(id: string): string {
  const full = toEighteen(id);
  return `${full.slice(6, 10)}-${full.slice(10, 12)}-${full.slice(12, 14)}`;
}

export const genderOf = (id: string): 'M' | 'F' => (Number(toEighteen(id)[16]) % 2 === 1 ? 'M' : 'F');
