/**
 * Phone numbers per codes.md: mobiles (11 digits, `13`–`19`) and 常州 landlines (`0519` +
 * 8 digits starting with 8). The hub stores mobiles as 11 digits and landlines as
 * `0519-8xxxxxxx`, so the same number typed two ways matches.
 */
import { toHalfWidth } from '../text/full-width';

const MOBILE = /^1[3-9]\d{9}$/;
const CANONICAL_LANDLINE = /^0519-8\d{7}$/;
const COMPACT_LANDLINE = /^05198\d{7}$/;
/** Separators people type inside numbers: spaces, hyphens, dashes, brackets around `0519`. */
const SEPARATORS = /[\s\-\u2010-\u2015()]/g;
/** Country code some sources prepend to mobiles. */
const CHINA_PREFIX = /^(?:\+|00)?86(?=1[3-9]\d{9}$)/;

/**
 * Returns the canonical form when the input is a recognisable mobile or landline; otherwise
 * the trimmed half-width input, so `checkPhone` can refuse it and staff still see what was typed.
 */
export function normalisePhone(raw: string): string {
  const halfWidth = toHalfWidth(raw).trim();
  const digits = halfWidth.replace(SEPARATORS, '').replace(CHINA_PREFIX, '');
  if (MOBILE.test(digits)) return digits;
  if (COMPACT_LANDLINE.test(digits)) return `0519-${digits.slice(4)}`;
  return halfWidth;
}

/** Accepts the written forms of codes.md; a problem message for staff otherwise. */
export function checkPhone(phone: string): string | undefined {
  const isWellFormed = MOBILE.test(phone) || CANONICAL_LANDLINE.test(phone) || COMPACT_LANDLINE.test(phone);
  return isWellFormed ? undefined : '联系电话格式不正确（手机11位，或座机0519-8位号码）';
}

/** `138****5678`, `0519-****4567`; anything else keeps at most its last 4 characters. */
export function maskPhone(phone: string): string {
  const normalised = normalisePhone(phone);
  if (MOBILE.test(normalised)) return `${normalised.slice(0, 3)}****${normalised.slice(7)}`;
  if (CANONICAL_LANDLINE.test(normalised)) return `0519-****${normalised.slice(-4)}`;
  const characters = Array.from(normalised);
  const visible = characters.length > 7 ? 4 : 0;
  return '*'.repeat(characters.length - visible) + characters.slice(characters.length - visible).join('');
}
