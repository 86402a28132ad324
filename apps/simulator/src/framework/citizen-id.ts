/**
 * GB 11643-1999 citizen ID numbers as the departmental systems check them, legacy 15-digit numbers
 * included. The simulator keeps its own implementation rather than importing the hub's domain
 * library on purpose: each side implements the rule from the standard, so they check each other.
 *
 * Only the number itself is handled here. How a department writes a birth date (`yyyyMMdd`,
 * `yyyy-MM-dd`, `yyyy/MM/dd`) or a gender (`1`/`2`, `M`/`F`, `男`/`女`) is its own representation and
 * stays in the department.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

const EIGHTEEN = /^\d{17}[\dX]$/;
const FIFTEEN = /^\d{15}$/;

export interface CitizenIdFacts {
  /** `yyyy-MM-dd` */
  birthDate: string;
  /** GB/T 2261.1: `1` male (odd sequence digit), `2` female (even). */
  gender: '1' | '2';
  /** True for a 15-digit number issued before 1999. */
  legacy: boolean;
  /** The number in its 18-digit form (a legacy number upgraded, an 18-digit one as given). */
  eighteen: string;
}

export interface CitizenIdRules {
  /** Refuse numbers whose birth year is earlier than this (some systems take no births before 1900). */
  minBirthYear?: number;
}

/** The check character (18th) for the first 17 digits: weighted sum mod 11, `X` standing for 10. */
export function checkCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  return CHECK_CHARACTERS[sum % 11];
}

/** True when `yyyyMMdd` is a date on the calendar (no 30 February, no month 13). */
export function isCalendarDate(yyyyMMdd: string): boolean {
  const [y, m, d] = [yyyyMMdd.slice(0, 4), yyyyMMdd.slice(4, 6), yyyyMMdd.slice(6, 8)].map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const isBirthDate = (yyyyMMdd: string, rules: CitizenIdRules): boolean =>
  isCalendarDate(yyyyMMdd) && Number(yyyyMMdd.slice(0, 4)) >= (rules.minBirthYear ?? 0);

/** An 18-character number with a real birth date and the right check character. Legacy numbers are not. */
export function isValidCitizenId(id: string, rules: CitizenIdRules = {}): boolean {
  return (
    EIGHTEEN.test(id) && isBirthDate(id.slice(6, 14), rules) && checkCharacter(id.slice(0, 17)) === id[17]
  );
}

/** A legacy 15-digit number (no check character) whose birth date, in the 1900s, is real. */
export function isLegacyCitizenId(id: string): boolean {
  return FIFTEEN.test(id) && isCalendarDate(`19${id.slice(6, 12)}`);
}

/**
 * The 18-digit form of a legacy number: `19` inserted before the year, check character appended.
 * Anything that is not a valid legacy number is returned unchanged.
 */
export function toEighteen(id15: string): string {
  if (!isLegacyCitizenId(id15)) return id15;
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + checkCharacter(first17);
}

/** The 15-digit number a person held before 1999, for an 18-digit one (the upgrade run backwards). */
export function legacyForm(id18: string): string {
  return id18.slice(0, 6) + id18.slice(8, 17);
}

/** Birth date `yyyy-MM-dd` of an 18-digit or legacy number. The number is not checked. */
export function birthDateOf(id: string): string {
  const full = toEighteen(id);
  return `${full.slice(6, 10)}-${full.slice(10, 12)}-${full.slice(12, 14)}`;
}

/** True for an odd sequence digit, of an 18-digit or legacy number. The number is not checked. */
export function isMale(id: string): boolean {
  return Number(toEighteen(id)[16]) % 2 === 1;
}

/** GB/T 2261.1 gender code of an 18-digit or legacy number: `1` male, `2` female. Not checked. */
export function genderCodeOf(id: string): '1' | '2' {
  return isMale(id) ? '1' : '2';
}

/** What a valid 18-digit number or legacy 15-digit one carries; null when it is neither. */
export function parseCitizenId(id: string, rules: CitizenIdRules = {}): CitizenIdFacts | null {
  const legacy = isLegacyCitizenId(id);
  if (legacy ? !isBirthDate(`19${id.slice(6, 12)}`, rules) : !isValidCitizenId(id, rules)) return null;
  const eighteen = toEighteen(id);
  return { birthDate: birthDateOf(eighteen), gender: genderCodeOf(eighteen), legacy, eighteen };
}
