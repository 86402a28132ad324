/**
 * Dates as `yyyy-MM-dd` from the ways the departments write them: police `yyyyMMdd`, social
 * insurance `yyyy/M/d`, the militia roster's month `yyyy.MM` (kept as `yyyy-MM-00`), typed
 * `1990年2月1日`, and Date objects from spreadsheet cells.
 */

const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SEPARATED = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const WRITTEN = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const MONTH_ONLY = /^(\d{4})(?:[-/.年](\d{1,2})月?|(\d{2}))$/;
/** Our own month-only form, so that the function is idempotent. */
const MONTH_ONLY_NORMALISED = /^(\d{4})-(\d{2})-00$/;
/** A time of day after the date (`1990-02-01T00:00:00Z`, `1990-02-01 08:00`) says nothing more. */
const TIME_PART = /^(\d{4}-\d{1,2}-\d{1,2})[T ].*$/;

/** Years outside this range are typing slips, not dates any department means. */
const EARLIEST_YEAR = 1800;
const LATEST_YEAR = 2199;

/**
 * `yyyy-MM-dd`, or `yyyy-MM-00` when only the month is known; null for anything else, including
 * dates that do not exist (`2023-02-30`). Date objects are read in UTC: exceljs gives a date cell
 * as midnight UTC of the day shown.
 */
export function normaliseDate(raw: unknown): string | null {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return null;
    return fullDate(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  }
  const text = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '';
  const compact = text.normalize('NFKC').trim().replace(TIME_PART, '$1').replace(/\s+/g, '');

  const monthNormalised = MONTH_ONLY_NORMALISED.exec(compact);
  if (monthNormalised) return monthDate(Number(monthNormalised[1]), Number(monthNormalised[2]));
  const day = COMPACT.exec(compact) ?? SEPARATED.exec(compact) ?? WRITTEN.exec(compact);
  if (day) return fullDate(Number(day[1]), Number(day[2]), Number(day[3]));
  const month = MONTH_ONLY.exec(compact);
  if (month) return monthDate(Number(month[1]), Number(month[2] ?? month[3]));
  return null;
}

function fullDate(year: number, month: number, day: number): string | null {
  if (!isPlausibleYear(year) || month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? `${year}-${pad(month)}-${pad(day)}` : null;
}

function monthDate(year: number, month: number): string | null {
  return isPlausibleYear(year) && month >= 1 && month <= 12 ? `${year}-${pad(month)}-00` : null;
}

const isPlausibleYear = (year: number): boolean => year >= EARLIEST_YEAR && year <= LATEST_YEAR;

const pad = (n: number): string => String(n).padStart(2, '0');
