import { isActiveResident, type SubjectSnapshot } from '@hub/domain';
import { ageAt, binaryGender } from '../common';

const RETIRED = '4';
const STUDENT = '5';

/** Working age by the statutory retirement ages the system uses: men 16-59, women 16-54. */
function isWorkingAge(gender: 'male' | 'female' | null, age: number): boolean {
  switch (gender) {
    case 'male':
      return age >= 16 && age <= 59;
    case 'female':
      return age >= 16 && age <= 54;
    case null:
      // Neither the record nor the ID number says which upper bound applies.
      return false;
  }
}

/**
 * 就业 covers working-age residents who are not students (jyzt 5) or retired (jyzt 4); an
 * unknown employment status still counts (the department states it). A gender of 0/9 is read
 * from the ID number (GB 11643). Ages are whole years on the day of the change. Overseas residents are
 * out: the system keys people by 公民身份号码. Turning 60 (men) / 55 (women), retiring,
 * enrolling as a student, dying or moving out ends the record.
 */
export function isRelevantToEmployment(subject: SubjectSnapshot, on: Date): boolean {
  if (subject.type !== 'resident' || !isActiveResident(subject)) return false;
  if (subject.registrationType === 'overseas') return false;
  if (subject.employmentStatus === RETIRED || subject.employmentStatus === STUDENT) return false;
  return isWorkingAge(binaryGender(subject.gender, subject.idNumber), ageAt(subject.birthDate, on));
}
