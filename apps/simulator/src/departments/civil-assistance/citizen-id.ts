/**
 * GB 11643-1999 checks as this department's own system performs them. Every departmental system
 * carries its own copy: the simulator must not import the hub's domain library.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export function checkCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  return CHECK_CHARACTERS[sum % 11];
}

function isRealDate(yyyyMMdd: string): boolean {
  const [y, m, d] = [yyyyMMdd.slice(0, 4), yyyyMMdd.slice(4, 6), yyyyMMdd.slice(6, 8)].map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An 18-character number with a real birth date and the right check character. */
export function isValidCitizenId(id: string): boolean {
  return (
    /^\d{17}[\dX]$/.test(id) && isRealDate(id.slice(6, 14)) && checkCharacter(id.slice(0, 17)) === id[17]
  );
}

/** `男` for an odd sequence number, `女` for an even one. */
export function genderWordOf(id: string): '男' | '女' {
  return Number(id[16]) % 2 === 1 ? '男' : '女';
}
