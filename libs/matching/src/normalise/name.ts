/**
 * Names as matching compares them. Departments write the same person as `張偉`, `张 伟`,
 * `阿依古丽•买买提` or (employment, GBK) `王?国`; all of them should meet on one spelling.
 * Unlike `@hub/domain`'s `normaliseName` (what staff store), this one is lossy on purpose:
 * traditional characters become simplified and spaces go, because the result is only compared.
 */
import { Converter } from 'opencc-js';

export const NAME_DOT = '\u00B7';

/** OpenCC standard traditional → mainland simplified; building a converter is costly, so once. */
const toSimplified = Converter({ from: 't', to: 'cn' });

/** `?` (and `？`, which NFKC turns into `?`) and U+FFFD: what a GBK round trip leaves of a rare character. */
const PLACEHOLDERS = /[?\uFFFD]/g;
/** Every dot-like separator sources use between the parts of a minority name. */
const DOT_VARIANTS = /[\u00B7\u0387\u2022\u2027\u2219\u22C5\u30FB\uFF0E\uFF65]/g;
/** A plain full stop only means the name separator between two Chinese characters. */
const FULL_STOP_BETWEEN_HAN = /(?<=\p{Script=Han})\.+(?=\p{Script=Han})/gu;
const REPEATED_DOTS = /\u00B7{2,}/g;
const DOTS_AT_ENDS = /^\u00B7+|\u00B7+$/g;

/**
 * Half-width (NFKC), no whitespace at all (U+3000 included), one kind of middle dot, no `?`
 * placeholders, simplified characters; null when nothing is left.
 */
export function normaliseName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const tidy = raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(PLACEHOLDERS, '')
    .replace(DOT_VARIANTS, NAME_DOT)
    .replace(FULL_STOP_BETWEEN_HAN, NAME_DOT)
    .replace(REPEATED_DOTS, NAME_DOT)
    .replace(DOTS_AT_ENDS, '');
  const name = simplified(tidy);
  return name === '' ? null : name;
}

/**
 * Whether the system lost characters of this name (employment's GBK `?`): such a name is
 * shorter than the real one, so matching should not read a difference in length as a conflict.
 */
export function nameHasPlaceholder(raw: unknown): boolean {
  return typeof raw === 'string' && /[?？\uFFFD]/.test(raw);
}

/**
 * OpenCC works phrase by phrase, so for a few characters (`薴` → `苧` → `苎`) one pass is not
 * its own fixed point; a second pass settles them and keeps the whole function idempotent.
 */
function simplified(text: string): string {
  let current = text;
  for (let pass = 0; pass < 3; pass += 1) {
    const next = toSimplified(current);
    if (next === current) return next;
    current = next;
  }
  return current;
}
