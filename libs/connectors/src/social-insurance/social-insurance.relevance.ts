import { isActiveResident, type SubjectSnapshot } from '@hub/domain';
import { ageAt } from '../common';

/**
 * 城乡居民养老保险 covers residents 16 or over (whole years on the day) who are not in the
 * employee scheme (pensionStatus `employee`); no upper age: pensioners (待遇领取) stay on the
 * roster. Registered and floating residents both count; overseas residents do not (the scheme is
 * for Chinese citizens, keyed by 公民身份号码). Joining employee insurance, dying or moving out
 * ends the record (操作 终止).
 */
export function isRelevantToSocialInsurance(subject: SubjectSnapshot, on: Date): boolean {
  if (subject.type !== 'resident' || !isActiveResident(subject)) return false;
  if (subject.registrationType === 'overseas' || subject.pensionStatus === 'employee') return false;
  return ageAt(subject.birthDate, on) >= 16;
}
