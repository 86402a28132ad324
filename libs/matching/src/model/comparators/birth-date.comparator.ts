import type { Level } from '../fields';
import type { BirthDate } from '../prepared-person';
import { differingPositions } from './edit-distance';

const NEAR_DAYS = 30;

/**
 * `swapped`: the health archive's day/month mix-up (1990-03-05 / 1990-05-03).
 * `same-month`: one side keeps only year and month (militia `出生年月`) and they agree.
 * `near`: one wrong digit or at most 30 days apart.
 */
export function compareBirthDates(a: BirthDate | null, b: BirthDate | null): Level<'birthDate'> {
  if (a === null || b === null) return 'missing';
  if (a.day === 0 || b.day === 0) {
    if (a.year === b.year && a.month === b.month) return 'same-month';
    return differingPositions(a.digits.slice(0, 6), b.digits.slice(0, 6)) <= 1 ? 'near' : 'different';
  }
  if (a.digits === b.digits) return 'equal';
  if (a.year === b.year && a.month === b.day && a.day === b.month) return 'swapped';
  if (differingPositions(a.digits, b.digits) <= 1) return 'near';
  if (a.dayNumber !== null && b.dayNumber !== null && Math.abs(a.dayNumber - b.dayNumber) <= NEAR_DAYS) {
    return 'near';
  }
  return 'different';
}
