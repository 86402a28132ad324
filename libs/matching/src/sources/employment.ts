/**
 * 人社局 就业创业: one row of the GBK export (`/jy/export.do`, Chinese headers). The system drops
 * ended registrations, so a listed row is current. Its old records hold `?` for characters
 * outside GBK (flagged `nameIncomplete` by `sourcePerson`) and ID numbers typed full-width or
 * with a lower-case `x` (normalised).
 */
import { EDUCATION, EMPLOYMENT_STATUS } from '@hub/domain';
import type { SourcePerson } from '../source-person';
import { codeOrNull, sourcePerson, text, type RawRecord } from './fields';

export const EMPLOYMENT = 'employment';

export function toSourcePersons(raw: RawRecord): SourcePerson[] {
  const stated = {
    idNumber: raw['身份证号码'],
    name: raw['姓名'],
    gender: raw['性别'],
    birthDate: raw['出生日期'],
    phone: raw['联系电话'],
    address: raw['家庭住址'],
  };
  const attributes = {
    education: codeOrNull(EDUCATION, raw['文化程度'], 2),
    employmentStatus: codeOrNull(EMPLOYMENT_STATUS, raw['就业状态']),
    status: 'active',
  };
  return [sourcePerson(EMPLOYMENT, text(raw['人员编号']), stated, attributes)];
}
