/**
 * GB 11643 citizen ID numbers, as far as the entry form needs them: the birth date (characters
 * 7–14), the gender (17th character: odd 男, even 女) and the check character. The API checks
 * everything again; this only fills fields in while the worker types.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export interface CitizenIdFacts {
  birthDate: string;
  /** GB/T 2261.1: '1' 男, '2' 女. */
  gender: '1' | '2';
  checksumOk: boolean;
}

export function normaliseIdInput(value: string): string {
  return value
    .replace(/[\s-]/g, '')
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[xｘＸ]/g, 'X');
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function checkChar(first17: string): string {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return CHECK_CHARS[sum % 11];
}

/** Facts from a complete 18-character number, or undefined while it is incomplete or malformed. */
export function citizenIdFacts(raw: string): CitizenIdFacts | undefined {
  const id = normaliseIdInput(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return undefined;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || !isRealDate(year, month, day)) return undefined;
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? '1' : '2',
    checksumOk: checkChar(id.slice(0, 17)) === id[17],
  };
}
