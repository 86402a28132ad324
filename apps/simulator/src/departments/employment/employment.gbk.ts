import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';

/**
 * Percent-decodes a form value into bytes first and only then decodes GBK: URLSearchParams
 * would read the bytes as UTF-8.
 */
function decodeComponent(raw: string): string {
  const bytes: number[] = [];
  const text = raw.replace(/\+/g, ' ');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i) & 0xff);
    }
  }
  return iconv.decode(Buffer.from(bytes), 'gbk');
}

/** An `application/x-www-form-urlencoded` body sent in GBK. */
export function parseGbkForm(body: Buffer): Record<string, string> {
  const form: Record<string, string> = {};
  for (const pair of body.toString('latin1').split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const key = decodeComponent(at < 0 ? pair : pair.slice(0, at));
    form[key] = at < 0 ? '' : decodeComponent(pair.slice(at + 1));
  }
  return form;
}

/**
 * Whether the system can store the text. Characters outside GBK arrive as what the sender's
 * encoder made of them: a `?`, a browser's `&#NNNNN;`, or bytes that decode to U+FFFD.
 */
export function storableInGbk(text: string): boolean {
  if (text.includes('\uFFFD') || /&#x?[0-9a-fA-F]+;/.test(text)) return false;
  return iconv.decode(iconv.encode(text, 'gbk'), 'gbk') === text;
}

export function gbk(text: string): Buffer {
  return iconv.encode(text, 'gbk');
}

export function toGbkCsv(header: string[], rows: string[][]): Buffer {
  return gbk(stringify([header, ...rows], { record_delimiter: 'windows' }));
}

export function fromGbkCsv(file: Buffer): Record<string, string>[] {
  return parse(iconv.decode(file, 'gbk').replace(/^\uFEFF/, ''), {
    columns: true,
    skip_empty_lines: true,
  });
}
