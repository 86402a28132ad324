/**
 * Calendar arithmetic on `yyyy-MM-dd` strings through UTC day numbers: birth dates and terms have
 * no time of day, and UTC has no daylight-saving gaps.
 */
import type { Random } from './random';

/** `yyyy-MM-dd` and on the calendar (no 2月30日). */
export function isRealDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && fromDayNumber(dayNumber(text)) === text;
}

/**
 * Days since 1970-01-01 for a `yyyy-MM-dd` date, by the proleptic Gregorian formula rather than
 * through Date: the generator converts a few dates per record, millions of times.
 */
export function dayNumber(isoDate: string): number {
  const y0 = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The inverse of `dayNumber`. */
export function fromDayNumber(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(dayNumber(isoDate) + days);
}

export const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));

/** Whole years on `on`; 29 February birthdays count from 1 March in common years. */
export function ageOn(birthDate: string, on: string): number {
  const years = yearOf(on) - yearOf(birthDate);
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A random birth date that makes the person exactly `age` on the reference day. */
export function birthDateForAge(age: number, reference: string, rng: Random): string {
  const month = rng.int(1, 12);
  const refMonthDay = reference.slice(5);
  for (;;) {
    const day = rng.int(1, 31);
    const monthDay = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const year = yearOf(reference) - age - (monthDay > refMonthDay ? 1 : 0);
    if (day <= daysInMonth(year, month)) return `${year}-${monthDay}`;
  }
}

/** A random day in [from, to], both included. */
export function dayBetween(from: string, to: string, rng: Random): string {
  return fromDayNumber(rng.int(dayNumber(from), dayNumber(to)));
}

/** `yyyy-MM-dd` of today in Asia/Shanghai, whatever the host's time zone. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A wall-clock time `yyyy-MM-dd HH:mm:ss` on a day, from a random second of it. */
export function timeOn(isoDate: string, rng: Random): string {
  const second = rng.int(8 * 3600, 18 * 3600);
  const hh = String(Math.floor(second / 3600)).padStart(2, '0');
  const mm = String(Math.floor((second % 3600) / 60)).padStart(2, '0');
  const ss = String(second % 60).padStart(2, '0');
  return `${isoDate} ${hh}:${mm}:${ss}`;
}
