/**
 * 人社局 城乡居民养老保险: one row of the GBK roster (`/batch/export`, Chinese headers). Ended
 * persons stay on the roster as `终止参保`. The system holds only the registered address
 * (户籍地址), so that is also the address matching compares. `户籍性质` (农业/非农业/居民) has no
 * place in the unified record since the 2014 reform and is not read.
 */
import type { SourcePerson } from '../source-person';
import { sourcePerson, text, textOrNull, translated, type RawRecord } from './fields';

export const SOCIAL_INSURANCE = 'social-insurance';

const PENSION_STATUSES: Readonly<Record<string, string>> = {
  参保缴费: 'paying',
  暂停缴费: 'suspended',
  终止参保: 'terminated',
  待遇领取: 'receiving',
};

export function toSourcePersons(raw: RawRecord): SourcePerson[] {
  const registeredAddress = textOrNull(raw['户籍地址']);
  const pensionStatus = translated(PENSION_STATUSES, raw['参保状态']);
  const stated = {
    idNumber: raw['公民身份号码'],
    name: raw['姓名'],
    gender: raw['性别'],
    birthDate: raw['出生日期'],
    phone: raw['联系电话'],
    address: registeredAddress,
  };
  const attributes = {
    registeredAddress,
    pensionStatus,
    status: pensionStatus === null ? null : pensionStatus === 'terminated' ? 'ended' : 'active',
  };
  return [sourcePerson(SOCIAL_INSURANCE, text(raw['个人编号']), stated, attributes)];
}
