/**
 * The grid platform's own check of a resident ID number (GB 11643-1999). The simulator
 * keeps its own copy rather than importing the hub's domain code, so the two check each other.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

function validDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** 18 characters with a correct check character, or a legacy 15-digit number with a valid date. */
export function isValidCitizenId(id: string): boolean {
  if (/^\d{15}$/.test(id)) return validDate(`19${id.slice(6, 12)}`);
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return CHECK[sum % 11] === id[17] && validDate(id.slice(6, 14));
}

/** Birth date `yyyy-MM-dd` and gender carried by a (valid) ID number. */
export function citizenIdFacts(id: string): { birthDate: string; male: boolean } {
  const long = id.length === 15 ? `${id.slice(0, 6)}19${id.slice(6)}` : id;
  return {
    birthDate: `${long.slice(6, 10)}-${long.slice(10, 12)}-${long.slice(12, 14)}`,
    male: Number(long[16]) % 2 === 1,
  };
}
