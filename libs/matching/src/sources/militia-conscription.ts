/**
 * 人武部 兵役登记: one line of the XLSX roster (sheet `兵役登记花名册`, Chinese headers). The system
 * has no record id: the ID number as written is the key. It registers men only, so the roster's
 * lines are men although no column says so. `出生年月` holds the month only.
 */
import { normaliseDate } from '../normalise';
import type { SourcePerson } from '../source-person';
import { educationCodeOf, politicalStatusCodeOf } from './code-words';
import { sourcePerson, text, textOrNull, type RawRecord } from './fields';

export const MILITIA_CONSCRIPTION = 'militia-conscription';

/**
 * `yyyy-MM-00`. A month typed as a number loses its trailing zero (2005.10 → `2005.1`); the
 * department's own reader takes `yyyy.1` as October, since its template writes January `2005.01`.
 * A cell Excel turned into a date still only means the month.
 */
function birthMonth(value: unknown): string | null {
  const raw = text(value);
  const date = normaliseDate(/^\d{4}\.1$/.test(raw) ? `${raw}0` : (value ?? null));
  return date && `${date.slice(0, 8)}00`;
}

export function toSourcePersons(raw: RawRecord): SourcePerson[] {
  const idNumber = text(raw['公民身份号码']);
  const registeredAddress = textOrNull(raw['户籍地']);
  const stated = {
    idNumber,
    name: raw['姓名'],
    gender: '1',
    birthDate: birthMonth(raw['出生年月']),
    phone: raw['联系电话'],
    address: textOrNull(raw['现居住地']) ?? registeredAddress,
  };
  const attributes = {
    registeredAddress,
    education: educationCodeOf(raw['文化程度']),
    politicalStatus: politicalStatusCodeOf(raw['政治面貌']),
    // A man is removed on 注销登记; a line that still says so is the roster's record of the end.
    status: text(raw['登记类型']) === '注销登记' ? 'ended' : 'active',
  };
  return [sourcePerson(MILITIA_CONSCRIPTION, idNumber, stated, attributes)];
}
