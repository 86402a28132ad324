/**
 * Departments that write words instead of codes (civil-assistance relations, the militia
 * roster's education and political status, the grid's ethnicity), read into the national codes
 * of `@hub/domain`. A word that says less than a code (兄弟: elder or younger?) gets the group
 * code; a word nobody can place gives null, never a guess.
 */
import { EDUCATION, ETHNICITY, POLITICAL_STATUS, RELATION_TO_HEAD, type CodeTable } from '@hub/domain';

/** The standard's own names, so `长子` or `外祖母` need no entry below. */
const byName = (table: CodeTable): Record<string, string> =>
  Object.fromEntries(Object.entries(table).map(([code, name]) => [name, code]));

/** GB/T 4761: civil-assistance's eleven words, the variants families say, and common kin words. */
const RELATION_WORDS: Readonly<Record<string, string>> = {
  ...byName(RELATION_TO_HEAD),
  户主: '02',
  配偶: '10', 丈夫: '11', 夫: '11', 老公: '11', 妻子: '12', 妻: '12', 老婆: '12',
  子: '20', 儿子: '20', 女: '30', 女儿: '30',
  孙子: '41', 孙女: '42', 外孙: '43', 外孙子: '43', 外孙女: '44',
  儿媳: '38', 儿媳妇: '38', 媳妇: '38', 女婿: '28', 孙媳妇: '45', 孙女婿: '46',
  父亲: '51', 父: '51', 爸爸: '51', 母亲: '52', 母: '52', 妈妈: '52',
  爷爷: '61', 奶奶: '62', 外公: '63', 外婆: '64',
  兄弟: '70', 姐妹: '70', 兄弟姐妹: '70',
  哥哥: '71', 兄: '71', 嫂子: '72', 嫂: '72', 弟弟: '73', 弟: '73', 弟媳: '74',
  姐: '75', 姐姐: '75', 姐夫: '76', 妹: '77', 妹妹: '77', 妹夫: '78',
  其他: '80', 其它: '80', 其他亲属: '97', 非亲属: '99',
}; // prettier-ignore

/** GB/T 4658: the roster template's words (`高中` for `普通高中`) and the usual short forms. */
const EDUCATION_WORDS: Readonly<Record<string, string>> = {
  ...byName(EDUCATION),
  博士研究生: '11', 硕士研究生: '14', 本科: '20', 大学: '20', 专科: '30', 大专: '30',
  中等专科: '41', 职高: '44', 技校: '47', 高中: '60',
}; // prettier-ignore

/**
 * GB/T 4762. `民主党派成员` (the roster's one word for `04`–`11`) names no party, so it has no
 * code of its own and stays null.
 */
const POLITICAL_WORDS: Readonly<Record<string, string>> = {
  ...byName(POLITICAL_STATUS),
  党员: '01', 共产党员: '01', 预备党员: '02', 团员: '03', 无党派: '12',
}; // prettier-ignore

/** GB/T 3304 by name; `汉` is how a form with the 族 printed beside the box comes back. */
const ETHNICITY_WORDS: Readonly<Record<string, string>> = {
  ...byName(ETHNICITY),
  ...Object.fromEntries(
    Object.entries(ETHNICITY)
      .filter(([, name]) => name.endsWith('族'))
      .map(([code, name]) => [name.slice(0, -1), code]),
  ),
};

const lookUp =
  (words: Readonly<Record<string, string>>, table: CodeTable, width: number) =>
  (value: unknown): string | null => {
    const raw = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    const word = raw.normalize('NFKC').replace(/\s+/g, '');
    // A department that already writes the code is read as the code.
    const code = /^\d+$/.test(word) ? word.padStart(width, '0') : undefined;
    if (code !== undefined) return Object.prototype.hasOwnProperty.call(table, code) ? code : null;
    return Object.prototype.hasOwnProperty.call(words, word) ? words[word] : null;
  };

export const relationCodeOf = lookUp(RELATION_WORDS, RELATION_TO_HEAD, 2);
export const educationCodeOf = lookUp(EDUCATION_WORDS, EDUCATION, 2);
export const politicalStatusCodeOf = lookUp(POLITICAL_WORDS, POLITICAL_STATUS, 2);
export const ethnicityCodeOf = lookUp(ETHNICITY_WORDS, ETHNICITY, 2);
