import { isMale, isValidCitizenId } from '../../framework';
import {
  EDUCATION_WORDS,
  POLITICAL_WORDS,
  REGISTRATION_TYPES,
  type RegistrationType,
  type RosterEntry,
  type SheetRow,
} from './militia-conscription.types';

export type RowCheck = { ok: true; entry: Omit<RosterEntry, '社区'> } | { ok: false; reason: string };

const PHONE = /^(1[3-9]\d{9}|0519-?\d{8})$/;

/**
 * The checks the department's upload applies to one row. Men register in the year they turn 18
 * and stay on the roster up to 22: the age is taken on 31 December of the registration year.
 */
export function checkRow({ cells, numericId }: SheetRow, registrationYear: number): RowCheck {
  const type = cells['登记类型'] as RegistrationType;
  const id = cells['公民身份号码'].toUpperCase();
  if (!REGISTRATION_TYPES.includes(type))
    return { ok: false, reason: '登记类型应为初次登记、变更登记或注销登记' };
  if (!cells['姓名']) return { ok: false, reason: '姓名不能为空' };
  if (numericId) return { ok: false, reason: '公民身份号码须以文本格式填写' };
  if (!isValidCitizenId(id)) return { ok: false, reason: '公民身份号码校验错误' };
  const entry = {
    姓名: cells['姓名'],
    公民身份号码: id,
    出生年月: cells['出生年月'],
    文化程度: cells['文化程度'],
    政治面貌: cells['政治面貌'],
    联系电话: cells['联系电话'],
    户籍地: cells['户籍地'],
    现居住地: cells['现居住地'],
    登记类型: type,
  };
  // Ending a registration needs only the man's number.
  if (type === '注销登记') return { ok: true, entry };
  if (!isMale(id)) return { ok: false, reason: '非男性公民，无需进行兵役登记' };
  if (entry.出生年月 !== `${id.slice(6, 10)}.${id.slice(10, 12)}`)
    return { ok: false, reason: '出生年月与公民身份号码不符（格式yyyy.MM）' };
  const age = registrationYear - Number(id.slice(6, 10));
  if (age < 18 || age > 22)
    return { ok: false, reason: `年龄不符：${registrationYear}年12月31日应满18至22周岁（实际${age}周岁）` };
  if (!EDUCATION_WORDS.has(entry.文化程度))
    return { ok: false, reason: `文化程度“${entry.文化程度}”不在可选范围内` };
  if (!POLITICAL_WORDS.has(entry.政治面貌))
    return { ok: false, reason: `政治面貌“${entry.政治面貌}”不在可选范围内` };
  if (entry.联系电话 && !PHONE.test(entry.联系电话)) return { ok: false, reason: '联系电话格式错误' };
  if (!entry.现居住地) return { ok: false, reason: '现居住地不能为空' };
  return { ok: true, entry };
}
