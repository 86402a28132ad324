/**
 * Pinyin keys let staff find `张伟` by typing `zw` or `zhangwei`, and let the matcher compare
 * names written in different characters for the same sound.
 */
import { pinyin } from 'pinyin-pro';

type Syllable = { isZh: boolean; origin: string; pinyin: string; first: string };

/**
 * `surname: 'head'` reads the first character as a surname, where polyphonic characters sound
 * differently (单 shàn, 曾 zēng, 解 xiè); `v: true` writes ü as v so keys stay ASCII (吕 → lv).
 */
function syllables(name: string): Syllable[] {
  return pinyin(name, { type: 'all', toneType: 'none', surname: 'head', nonZh: 'consecutive', v: true });
}

/** Latin words in a non-Chinese run (`·John Smith`); dots, digits and rare characters drop out. */
function latinWords(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

/** `张伟` → `zw`, `阿依古丽·买买提` → `ayglmmt`; a latin word contributes its first letter. */
export function pinyinInitials(name: string): string {
  return syllables(name)
    .map((s) =>
      s.isZh
        ? s.first
        : latinWords(s.origin)
            .map((word) => word[0])
            .join(''),
    )
    .join('')
    .toLowerCase();
}

/** `张伟` → `zhangwei`: no tones, no spaces; latin words are kept whole. */
export function pinyinFull(name: string): string {
  return syllables(name)
    .map((s) => (s.isZh ? s.pinyin : latinWords(s.origin).join('')))
    .join('')
    .toLowerCase();
}
