import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';

/**
 * Readers for seed files of a million records: each hands the file on in pieces (a batch of
 * records per piece), so that neither the file nor its records are ever held whole.
 */

/** Small pieces make small batches, whose garbage dies young (cheap to collect): measured faster than 1 MiB. */
const PIECE_BYTES = 1 << 16;
const CSV_BATCH = 2000;

/**
 * The file's text, decoded piece by piece (a character split between pieces is kept whole), without
 * a byte order mark. UTF-8 goes through TextDecoder, a good deal faster than Buffer#toString on
 * Chinese text; GBK through iconv-lite.
 */
export async function* readText(file: string, encoding: 'utf8' | 'gbk' = 'utf8'): AsyncGenerator<string> {
  const decode = decoderFor(encoding);
  let first = true;
  for await (const bytes of createReadStream(file, { highWaterMark: PIECE_BYTES })) {
    let text = decode(bytes as Buffer);
    if (first && text) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    if (text) yield text;
  }
  const rest = decode();
  if (rest) yield rest;
}

/** A streaming decoder: called with each piece, then once without one for what is left. */
function decoderFor(encoding: 'utf8' | 'gbk'): (bytes?: Buffer) => string {
  if (encoding === 'utf8') {
    const utf8 = new TextDecoder('utf-8');
    return (bytes) => (bytes ? utf8.decode(bytes, { stream: true }) : utf8.decode());
  }
  const gbk = iconv.getDecoder('gbk');
  return (bytes) => (bytes ? gbk.write(bytes) : (gbk.end() ?? ''));
}

/**
 * The file in pieces that each end just after a closing `marker` (e.g. `</RY>`): every element
 * the marker closes lies whole in one piece. The text after the last marker comes last.
 */
export async function* piecesEndingWith(file: string, marker: string): AsyncGenerator<string> {
  let carry = '';
  for await (const text of readText(file)) {
    carry += text;
    const end = carry.lastIndexOf(marker);
    if (end < 0) continue;
    yield carry.slice(0, end + marker.length);
    carry = carry.slice(end + marker.length);
  }
  if (carry) yield carry;
}

/** FHIR bulk-data NDJSON: one JSON value a line; blank lines are skipped. */
export async function* ndjsonBatches(file: string): AsyncGenerator<unknown[]> {
  let carry = '';
  for await (const text of readText(file)) {
    const lines = (carry + text).split('\n');
    carry = lines.pop() ?? '';
    const batch = lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown);
    if (batch.length > 0) yield batch;
  }
  if (carry.trim() !== '') yield [JSON.parse(carry) as unknown];
}

/** The csv-parse options the seed formats use, and the file's encoding. */
export interface CsvSeedOptions {
  encoding?: 'utf8' | 'gbk';
  columns?: boolean;
  skip_empty_lines?: boolean;
  trim?: boolean;
  relax_column_count?: boolean;
}

/** CSV records (objects with `columns: true`, else arrays of fields) in batches, as csv-parse reads them. */
export async function* csvBatches<T>(file: string, options: CsvSeedOptions): AsyncGenerator<T[]> {
  const { encoding, ...csv } = options;
  // Errors of the file or the decoder reach the parser, so the loop below throws them.
  const records = pipeline(Readable.from(readText(file, encoding)), parse(csv), () => undefined);
  let batch: T[] = [];
  for await (const record of records) {
    batch.push(record as T);
    if (batch.length < CSV_BATCH) continue;
    yield batch;
    batch = [];
  }
  if (batch.length > 0) yield batch;
}
