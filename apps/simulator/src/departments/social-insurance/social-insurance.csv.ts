import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { csvBatches } from '../../framework';

export function toGbkCsv(header: readonly string[], rows: string[][]): Buffer {
  return iconv.encode(stringify([[...header], ...rows], { record_delimiter: 'windows' }), 'gbk');
}

/** Header line and rows of a GBK CSV file. */
export function fromGbkCsv(file: Buffer): { header: string[]; rows: Record<string, string>[] } {
  const lines: string[][] = parse(iconv.decode(file, 'gbk').replace(/^\uFEFF/, ''), {
    skip_empty_lines: true,
    relax_column_count: true,
  });
  const [header = [], ...data] = lines;
  const names = header.map((h) => h.trim());
  return {
    header: names,
    rows: data.map((values) => Object.fromEntries(names.map((name, i) => [name, (values[i] ?? '').trim()]))),
  };
}

/** fromGbkCsv's rows, read from a file in batches (for a roster of a million people). */
export async function* gbkCsvRowBatches(file: string): AsyncGenerator<Record<string, string>[]> {
  let names: string[] | undefined;
  for await (const batch of csvBatches<string[]>(file, {
    encoding: 'gbk',
    skip_empty_lines: true,
    relax_column_count: true,
  })) {
    const rows: Record<string, string>[] = [];
    for (const values of batch) {
      if (names) rows.push(Object.fromEntries(names.map((name, i) => [name, (values[i] ?? '').trim()])));
      else names = values.map((h) => h.trim());
    }
    yield rows;
  }
}

/** `yyyy/M/d` (the system's date form) to yyyyMMdd, or undefined. */
export function slashDateToCompact(date: string): string | undefined {
  const match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(date.trim());
  if (!match) return undefined;
  return `${match[1]}${match[2].padStart(2, '0')}${match[3].padStart(2, '0')}`;
}

export function compactToSlashDate(yyyyMMdd: string): string {
  return `${yyyyMMdd.slice(0, 4)}/${Number(yyyyMMdd.slice(4, 6))}/${Number(yyyyMMdd.slice(6, 8))}`;
}
