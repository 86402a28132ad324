import { citizenIdForMatching, type ExportReader } from '../common';

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

/**
 * `yyyy.MM` as `birthMonth` writes it. Staff-typed cells vary: October typed as a number loses
 * its trailing zero (2005.10 → `2005.1`; read as October, as the department's own reader does,
 * while `2005.3` can only be March), a date cell comes as `yyyy-MM-dd`, and `2005-3` or
 * `2005年3月` mean the same month.
 */
export function birthMonthOf(value: unknown): string {
  const raw = text(value);
  if (/^\d{4}\.1$/.test(raw)) return `${raw}0`;
  const month = /^(\d{4})[.\-/年](\d{1,2})(?:月|[-/]\d{1,2})?$/.exec(raw);
  return month ? `${month[1]}.${month[2].padStart(2, '0')}` : raw;
}

/** The template's drop-down offers `普通高中` beside `高中` (what `educationWord` sends for 60). */
const educationOf = (value: unknown): string => {
  const word = text(value);
  return word === '普通高中' ? '高中' : word;
};

/** `politicalWord` sends the eight democratic parties as one word; staff may have typed the party. */
const DEMOCRATIC_PARTIES = new Set([
  '民革党员',
  '民盟盟员',
  '民建会员',
  '民进会员',
  '农工党党员',
  '致公党党员',
  '九三学社社员',
  '台盟盟员',
]);
const politicalOf = (value: unknown): string => {
  const word = text(value);
  return DEMOCRATIC_PARTIES.has(word) ? '民主党派成员' : word;
};

/**
 * Reading a roster line back (reconciliation). The department has no record id (the ID number
 * is its key) and removes a man on `注销登记`, so a listed line is current unless it says so.
 * `序号` (place in the file) and `登记类型` (the kind of the last registration, not a fact about
 * the man) stay out of `comparable`. Empty cells stay `''`, as `toRosterEntry` writes them.
 */
export const militiaConscriptionExportReader: ExportReader = {
  fields: {
    姓名: 'name',
    公民身份号码: 'idNumber',
    出生年月: 'birthDate',
    文化程度: 'education',
    政治面貌: 'politicalStatus',
    联系电话: 'phone',
    户籍地: 'registeredAddress',
    现居住地: 'address',
  },
  identify: (record) => {
    const idNumber = text(record['公民身份号码']);
    return {
      externalId: null,
      idNumber: idNumber ? citizenIdForMatching(idNumber) : null,
      active: text(record['登记类型']) !== '注销登记',
    };
  },
  comparable: (record) => {
    const idNumber = text(record['公民身份号码']);
    return {
      姓名: text(record['姓名']),
      公民身份号码: idNumber ? citizenIdForMatching(idNumber) : '',
      出生年月: birthMonthOf(record['出生年月']),
      文化程度: educationOf(record['文化程度']),
      政治面貌: politicalOf(record['政治面貌']),
      联系电话: text(record['联系电话']),
      户籍地: text(record['户籍地']),
      现居住地: text(record['现居住地']),
    };
  },
};
