/**
 * Personal names as the twelve departments write them. The same person arrives as
 * `阿依古丽•买买提`, `阿依古丽.买买提` or `阿依古丽 · 买买提`; normalising before storing and
 * matching makes them one name.
 */

export const NAME_DOT = '\u00B7';

const MAX_NAME_LENGTH = 50;

/**
 * Dot-like characters sources use as the name separator: bullet •, katakana middle dot ・ and
 * its half-width form ･, hyphenation point ‧, full-width full stop ．, bullet and dot
 * operators ∙ ⋅, Greek ano teleia ·. Mapped before NFKC, which would turn ． into a plain `.`.
 */
const DOT_VARIANTS = /[\u2022\u30FB\uFF65\u2027\uFF0E\u2219\u22C5\u0387]/g;
/** A plain full stop only means the separator between two Chinese characters (`古丽.买买提`). */
const FULL_STOP_BETWEEN_HAN = /(\p{Script=Han})\s*\.\s*(?=\p{Script=Han})/gu;
const SPACES_AROUND_DOT = /\s*\u00B7\s*/g;

/**
 * Trim, one space between words, full-width letters to ASCII (NFKC), every dot variant to
 * U+00B7. Traditional characters stay as typed: converting them could change a real name.
 */
export function normaliseName(raw: string): string {
  return raw
    .replace(DOT_VARIANTS, NAME_DOT)
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(SPACES_AROUND_DOT, NAME_DOT)
    .replace(FULL_STOP_BETWEEN_HAN, `$1${NAME_DOT}`);
}

const LATIN_LETTER = '(?:(?=\\p{Script=Latin})\\p{Letter})';
const NAME_PART = `(?:\\p{Script=Han}|${LATIN_LETTER})+`;
/** Parts of letters, joined by a single `·` or a single space; nothing at either end. */
const VALID_NAME = new RegExp(`^${NAME_PART}(?:[ ${NAME_DOT}]${NAME_PART})*$`, 'u');

/**
 * A problem message for staff, or undefined when the name is acceptable. Expects a normalised
 * name. Refusing anything but letters keeps markup and SQL fragments out of department
 * systems that may not escape them.
 */
export function checkName(name: string): string | undefined {
  if (name.trim() === '') return '请填写姓名';
  if (Array.from(name).length > MAX_NAME_LENGTH) return `姓名不能超过${MAX_NAME_LENGTH}个字`;
  if (!VALID_NAME.test(name)) return '姓名只能包含汉字、字母和间隔号“·”';
  return undefined;
}

/**
 * `张*伟` for three characters, `张*` otherwise: the first character is enough for staff to
 * recognise a resident on a list without the full name leaking from a screenshot.
 */
export function maskName(name: string): string {
  const characters = Array.from(name.trim());
  if (characters.length === 0) return '';
  if (characters.length === 3) return `${characters[0]}*${characters[2]}`;
  return `${characters[0]}*`;
}
