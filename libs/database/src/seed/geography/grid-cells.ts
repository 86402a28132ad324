/**
 * Grid cells (网格) under a community: 12-digit community code + 3-digit cell number.
 * Deterministic: the same community and count always give the same cells.
 */
export interface GridCell {
  /** 15 digits: 12-digit community code + 3-digit cell number (001…). */
  code: string;
  communityCode: string;
  /** 第一网格, 第二网格, … */
  name: string;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numeral for 1–999 as written in grid names: 一, 十, 十一, 二十, 一百零五, 三百一十. */
function chineseNumeral(n: number): string {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = '';
  if (hundreds > 0) out += DIGITS[hundreds] + '百';
  if (tens > 0) {
    if (!(hundreds === 0 && tens === 1)) out += DIGITS[tens];
    out += '十';
  } else if (hundreds > 0 && ones > 0) {
    out += '零';
  }
  if (ones > 0) out += DIGITS[ones];
  return out;
}

export function gridCellsFor(communityCode: string, count = 6): Array<GridCell> {
  if (!/^\d{12}$/.test(communityCode)) {
    throw new RangeError(`community code must be 12 digits, got "${communityCode}"`);
  }
  if (!Number.isInteger(count) || count < 0 || count > 999) {
    throw new RangeError(`grid cell count must be an integer from 0 to 999, got ${count}`);
  }
  return Array.from({ length: count }, (_, i) => ({
    code: communityCode + String(i + 1).padStart(3, '0'),
    communityCode,
    name: `第${chineseNumeral(i + 1)}网格`,
  }));
}
