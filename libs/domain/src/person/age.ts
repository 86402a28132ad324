/**
 * Whole years of age, as departments use them for relevance (60 or over, 16-59, …).
 * Someone born on 29 February turns a year older on 1 March in common years.
 */
import { CalendarDate, localCalendarDate, parseCalendarDate } from '../text/calendar-date';

/**
 * `on` is a `yyyy-MM-dd` string or an instant read in local time (Asia/Shanghai in the hub).
 * A day before the birth date gives a negative age rather than throwing, so callers can
 * filter on it.
 */
export function ageOn(birthDate: string, on: Date | string): number {
  const birth = parseCalendarDate(birthDate);
  if (birth === undefined) throw new RangeError('ageOn: birthDate must be a real yyyy-MM-dd date');
  const day = typeof on === 'string' ? parseCalendarDate(on) : localCalendarDate(on);
  if (day === undefined) throw new RangeError('ageOn: on must be a Date or a real yyyy-MM-dd date');
  const hadBirthdayThisYear = compareMonthDay(day, birth) >= 0;
  return day.year - birth.year - (hadBirthdayThisYear ? 0 : 1);
}

function compareMonthDay(a: CalendarDate, b: CalendarDate): number {
  return a.month - b.month || a.day - b.day;
}

/**
 * Today's date in China (UTC+8, no daylight saving) as `yyyy-MM-dd`, whatever the server's time
 * zone: before 08:00 Beijing time the UTC date is still yesterday, and a birth registered this
 * morning must not read as one in the future.
 */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
