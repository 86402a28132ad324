import type { Level } from '../fields';
import type { PreparedPerson } from '../prepared-person';
import { withinOneEdit } from './edit-distance';

/** What the employment system stores for characters outside GBK. */
const UNSTORABLE = '?';

/**
 * `same-pinyin` catches homophones (张伟 / 张玮, and the employment system's substitutes for
 * rare characters); `similar` a pinyin typo (one letter) or one character replaced.
 */
export function compareNames(a: PreparedPerson, b: PreparedPerson): Level<'name'> {
  if (a.name === null || b.name === null) return 'missing';
  if (a.name === b.name) return 'exact';
  if (a.pinyin !== null && a.pinyin === b.pinyin) return 'same-pinyin';
  if (oneCharacterReplaced(a.nameChars, b.nameChars)) return 'similar';
  if (a.pinyin !== null && b.pinyin !== null && withinOneEdit(a.pinyin, b.pinyin)) return 'similar';
  return 'different';
}

/**
 * In a two-character name one differing character leaves only the surname in common
 * (张伟 / 张三): that is no similarity, unless the character was lost to `?`.
 */
function oneCharacterReplaced(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  let differing = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (differing !== -1) return false;
    differing = i;
  }
  if (differing === -1) return false;
  return a.length >= 3 || a[differing] === UNSTORABLE || b[differing] === UNSTORABLE;
}
