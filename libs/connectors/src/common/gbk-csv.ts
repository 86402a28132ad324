import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { decodeGbk, encodeGbk } from './gbk';

/** A GBK CSV file with a header row → one object per row, keyed by the department's own headers. */
export function readGbkCsv(bytes: Buffer | Uint8Array): Array<Record<string, string>> {
  return parse(decodeGbk(bytes), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    // Some exports start with a BOM even in GBK; csv-parse drops it only when asked.
    bom: true,
  });
}

/** Header and rows → GBK bytes, CRLF line ends as Excel-era department tools write them. */
export function writeGbkCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): Buffer {
  return encodeGbk(stringify([header, ...(rows as string[][])], { record_delimiter: 'windows' }));
}
