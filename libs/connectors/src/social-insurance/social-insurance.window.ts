const MINUTES_A_DAY = 24 * 60;
const BEIJING_OFFSET_MINUTES = 8 * 60;

const minutesOf = (hhmm: string): number => {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
};

/**
 * Milliseconds from `now` until the upload window (Beijing time, may span midnight) opens;
 * 0 inside it. Used as retryAfterMs when the department answers 403 outside the window.
 */
export function msUntilWindowOpens(now: Date, start: string, end: string): number {
  const utcMinutes = now.getUTCHours() * 60 + now.getUTCMinutes();
  const minute = (utcMinutes + BEIJING_OFFSET_MINUTES) % MINUTES_A_DAY;
  const [from, to] = [minutesOf(start), minutesOf(end)];
  // Equal ends mean "always open", as the department reads them.
  if (from === to) return 0;
  const inside = from <= to ? minute >= from && minute < to : minute >= from || minute < to;
  if (inside) return 0;
  const minutesToGo = (from - minute + MINUTES_A_DAY) % MINUTES_A_DAY;
  return minutesToGo * 60_000 - now.getUTCSeconds() * 1000 - now.getUTCMilliseconds();
}
