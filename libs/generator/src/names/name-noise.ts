/**
 * How departments hold a name differently from the police: a homophone picked by the input
 * method, traditional characters, a space after the surname, another dot in a minority name, and
 * `?` (or a same-sounding character) where a GBK system could not store a rare character.
 */
import { Converter } from 'opencc-js';
import type { Random } from '../random';
import { RARE_CHARACTERS } from './han-names';
import { homophonesOf } from './homophones';
import { NAME_DOT } from './minority-names';

/** Dots and separators seen between the parts of 阿依古丽·买买提 (codes.md). */
export const DOT_VARIANTS: readonly string[] = ['•', '‧', '・', '.', ' '];
/** The ones a GBK system can store (the others have no GBK code). */
export const GBK_DOT_VARIANTS: readonly string[] = ['.', ' '];

const rareToGbk = new Map(RARE_CHARACTERS.map(([rare, common]) => [rare, common]));

let toTraditional: ((text: string) => string) | undefined;

/** 劉麗華 for 刘丽华; unchanged when the name has no simplified-only character. */
export function traditionalName(name: string): string {
  toTraditional ??= Converter({ from: 'cn', to: 'tw' });
  return toTraditional(name);
}

/** One given-name character swapped for a homophone; undefined when none is known. */
export function homophoneName(name: string, surnameLength: number, rng: Random): string | undefined {
  const characters = Array.from(name);
  const candidates = characters
    .map((ch, i) => ({ i, options: i >= surnameLength ? homophonesOf(ch) : [] }))
    .filter((c) => c.options.length > 0);
  if (candidates.length === 0) return undefined;
  const { i, options } = rng.pick(candidates);
  characters[i] = rng.pick(options);
  return characters.join('');
}

/** `王 建国`: a space typed after the surname. */
export function spacedName(name: string, surnameLength: number): string {
  const characters = Array.from(name);
  return `${characters.slice(0, surnameLength).join('')} ${characters.slice(surnameLength).join('')}`;
}

export function dotVariantName(name: string, rng: Random, variants = DOT_VARIANTS): string {
  return name.replace(NAME_DOT, rng.pick(variants));
}

export function hasCharacterOutsideGbk(name: string): boolean {
  return Array.from(name).some((ch) => rareToGbk.has(ch));
}

/** What a GBK system holds: `?` for the rare character, or the homophone a clerk typed instead. */
export function gbkName(name: string, useHomophone: boolean): string {
  return Array.from(name)
    .map((ch) => (rareToGbk.has(ch) ? (useHomophone ? (rareToGbk.get(ch) ?? '?') : '?') : ch))
    .join('');
}
