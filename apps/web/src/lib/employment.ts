import dayjs, { type Dayjs } from 'dayjs';

/**
 * Whether 人社局's employment system will keep this person, and so refuse them without 就业状况:
 * working age by the statutory retirement ages (men 16–59, women 16–54, whole years today), not
 * 境外. The hub's rule is `isRelevantToEmployment` (libs/connectors/src/employment); the form
 * asks early so the worker is not sent back to fix it later.
 */
export function employmentStatusAsked(
  gender: string | undefined,
  birthDate: Dayjs | string | null | undefined,
  registrationType: string | undefined,
): boolean {
  if (!birthDate || registrationType === 'overseas') return false;
  const born = dayjs(birthDate);
  if (!born.isValid()) return false;
  const age = dayjs().diff(born, 'year');
  if (gender === '1') return age >= 16 && age <= 59;
  if (gender === '2') return age >= 16 && age <= 54;
  return false;
}
