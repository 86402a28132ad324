/**
 * Chinese numerals as staff write building, unit and room numbers: `三幢二单元`, `十二幢`,
 * `五〇一室` (digit by digit) or `一百零一`. Only what addresses need: 0-9999.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}; // prettier-ignore
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL = '[零〇一二两三四五六七八九十百千]';

/** The number a run of Chinese numerals writes, or undefined when it is not a well-formed one. */
export function chineseNumeralValue(text: string): number | undefined {
  const characters = Array.from(text);
  if (characters.length === 0) return undefined;
  if (characters.every((ch) => ch in DIGITS)) {
    // Read digit by digit, like a room number on a door: 五〇一 is 501.
    return Number(characters.map((ch) => DIGITS[ch]).join(''));
  }
  let total = 0;
  let pending: number | undefined;
  let lastUnit = Infinity;
  for (const [index, ch] of characters.entries()) {
    if (ch in DIGITS) {
      if (pending !== undefined && DIGITS[ch] !== 0) return undefined;
      pending = DIGITS[ch] === 0 ? undefined : DIGITS[ch];
    } else {
      const unit = UNITS[ch];
      if (unit === undefined || unit >= lastUnit) return undefined;
      // 十二 is 12: only a leading unit may go without its digit.
      if (pending === undefined && index > 0) return undefined;
      total += (pending ?? 1) * unit;
      pending = undefined;
      lastUnit = unit;
    }
  }
  return total + (pending ?? 0);
}
