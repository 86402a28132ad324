import * as iconv from 'iconv-lite';

/**
 * GBK text for the 人社局 systems (employment form posts, social-insurance CSV files). iconv-lite
 * silently writes `?` for a character GBK lacks, which would store a wrong name; callers check
 * `unencodableInGbk` first and refuse instead.
 */

export const encodeGbk = (text: string): Buffer => iconv.encode(text, 'gbk');

export const decodeGbk = (bytes: Buffer | Uint8Array): string => iconv.decode(Buffer.from(bytes), 'gbk');

/** The characters of `text` that GBK cannot hold (rare given-name characters, emoji, `•`). */
export function unencodableInGbk(text: string): string[] {
  // Nearly every text round-trips whole: one conversion instead of one per character.
  if (decodeGbk(encodeGbk(text)) === text) return [];
  return Array.from(text).filter((ch) => iconv.decode(iconv.encode(ch, 'gbk'), 'gbk') !== ch);
}

/**
 * Whether `held` is `name`, or `name` as a system limited to GBK keeps it: each character GBK
 * lacks stored as `?` or left out (the spec's quirk); every other character as it is.
 */
export function sameNameInGbk(name: string, held: string): boolean {
  if (name === held) return true;
  const lacking = new Set(unencodableInGbk(name));
  if (lacking.size === 0) return name === held;
  const literal = (ch: string): string => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = Array.from(name, (ch) => (lacking.has(ch) ? `(?:${ch}|\\?)?` : literal(ch)));
  return new RegExp(`^${pattern.join('')}$`, 'u').test(held);
}

/** Bytes a form body may carry as they are (RFC 1866 / WHATWG urlencoded: `*-._`, letters, digits). */
const isUnreservedByte = (byte: number): boolean =>
  (byte >= 0x30 && byte <= 0x39) ||
  (byte >= 0x41 && byte <= 0x5a) ||
  (byte >= 0x61 && byte <= 0x7a) ||
  byte === 0x2a ||
  byte === 0x2d ||
  byte === 0x2e ||
  byte === 0x5f;

const percentEncodeGbk = (text: string): string =>
  Array.from(encodeGbk(text), (byte) =>
    byte === 0x20
      ? '+'
      : isUnreservedByte(byte)
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');

/**
 * `application/x-www-form-urlencoded` with GBK bytes percent-encoded, as old Java servlets with
 * `request.setCharacterEncoding("GBK")` read it (URLSearchParams would always use UTF-8).
 */
export function gbkFormBody(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `${percentEncodeGbk(name)}=${percentEncodeGbk(value)}`)
    .join('&');
}
