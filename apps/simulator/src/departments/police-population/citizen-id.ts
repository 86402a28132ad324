/**
 * The police system's own GB 11643 check. The simulator stays independent of the hub's domain
 * library on purpose: each side implements the rule from the standard, so they check each other.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export interface CitizenIdFacts {
  /** yyyyMMdd */
  birthDate: string;
  /** GB/T 2261.1: `1` male, `2` female (odd / even sequence). */
  gender: '1' | '2';
  legacy: boolean;
}

export function checkCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  return CHECK_CHARACTERS[sum % 11];
}

function isCalendarDate(yyyyMMdd: string): boolean {
  const [y, m, d] = [yyyyMMdd.slice(0, 4), yyyyMMdd.slice(4, 6), yyyyMMdd.slice(6, 8)].map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900;
}

/** Facts carried by a valid 18-digit number or a legacy 15-digit one; undefined when invalid. */
export function parseCitizenId(id: string): CitizenIdFacts | undefined {
  if (/^\d{17}[\dX]$/.test(id)) {
    if (checkCharacter(id.slice(0, 17)) !== id[17]) return undefined;
    const birthDate = id.slice(6, 14);
    if (!isCalendarDate(birthDate)) return undefined;
    return { birthDate, gender: Number(id[16]) % 2 === 1 ? '1' : '2', legacy: false };
  }
  if (/^\d{15}$/.test(id)) {
    const birthDate = `19${id.slice(6, 12)}`;
    if (!isCalendarDate(birthDate)) return undefined;
    return { birthDate, gender: Number(id[14]) % 2 === 1 ? '1' : '2', legacy: true };
  }
  return undefined;
}

/** The 15-digit number a person held before 1999, for an 18-digit one (the upgrade run backwards). */
export function legacyForm(id18: string): string {
  return id18.slice(0, 6) + id18.slice(8, 17);
}
