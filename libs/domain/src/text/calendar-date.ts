/**
 * Calendar dates as `yyyy-MM-dd` strings. Birth dates have no time of day and no time zone;
 * keeping them as strings avoids the classic off-by-one-day bug of `new Date('1990-01-01')`
 * being midnight UTC, i.e. the previous evening somewhere else.
 */

export type CalendarDate = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids DST gaps.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** Parses `yyyy-MM-dd`; undefined unless it is a real date (no 2月30日). */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealCalendarDate(year, month, day) ? { year, month, day } : undefined;
}

export function formatCalendarDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The calendar date of an instant in the process's local time zone. The hub runs with
 * TZ=Asia/Shanghai, so "today" is the date a community worker sees on the wall calendar.
 */
export function localCalendarDate(instant: Date): CalendarDate {
  return { year: instant.getFullYear(), month: instant.getMonth() + 1, day: instant.getDate() };
}
