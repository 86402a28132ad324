/**
 * Phone numbers as digits only, so `0519-86601234`, `(0519)86601234` and `+86 138 1234 5678`
 * compare equal to what another system wrote. Unlike `@hub/domain`'s `normalisePhone` (what staff
 * store), anything that is not a phone number becomes null here: junk must not match junk.
 */

const MOBILE = /^1[3-9]\d{9}$/;
/** Area code (`0` + 2-3 digits) and a 7-8 digit subscriber number. */
const LANDLINE = /^0[1-9]\d{8,10}$/;
/** A subscriber number written without its area code: every department here is in 常州. */
const LOCAL_NUMBER = /^[2-9]\d{7}$/;
const CITY_AREA_CODE = '0519';

/** Several numbers in one field (`138…/0519-…`): the first usable one counts. */
const LIST_SEPARATORS = /[,;/|、]|或/;
/** Extensions (`0519-86601234转801`) are not part of the number. */
const EXTENSION = /(?:转|分机|ext\.?).*$/i;
/** What people put between digits: spaces, hyphens and dashes, brackets around the area code. */
const SEPARATORS = /[\s\-\u2010-\u2015()]/g;
const COUNTRY_CODE = /^(?:\+86|0086|86(?=1[3-9]\d{9}$))/;

export function normalisePhone(raw: unknown): string | null {
  const text = typeof raw === 'string' ? raw : Number.isSafeInteger(raw) ? String(raw) : '';
  for (const candidate of text.normalize('NFKC').split(LIST_SEPARATORS)) {
    const phone = phoneDigits(candidate);
    if (phone) return phone;
  }
  return null;
}

function phoneDigits(candidate: string): string | null {
  const compact = candidate.replace(EXTENSION, '').replace(SEPARATORS, '');
  const withoutCountry = compact.replace(COUNTRY_CODE, '');
  if (!/^\d+$/.test(withoutCountry)) return null;
  // Dialled from abroad, a landline drops its trunk `0` (`+86 519 8660 1234`).
  const digits =
    withoutCountry !== compact && !MOBILE.test(withoutCountry) && !withoutCountry.startsWith('0')
      ? `0${withoutCountry}`
      : withoutCountry;
  if (MOBILE.test(digits) || LANDLINE.test(digits)) return digits;
  if (LOCAL_NUMBER.test(digits)) return CITY_AREA_CODE + digits;
  return null;
}
