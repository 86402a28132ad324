import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { stream, type CellValue, type Row } from 'exceljs';
import { HEADERS, SHEET_NAME, type SheetRow } from './militia-conscription.types';
import {
  BAD_HEADERS,
  BAD_TITLE,
  NO_SHEET,
  communityOf,
  headersMatch,
  sheetRowOf,
} from './militia-conscription.workbook';

const BATCH = 1000;

export interface RosterBatch {
  community: string;
  rows: SheetRow[];
}

/** The reader's own parsing steps that the fix below wraps (not in exceljs' typings). */
interface ReaderSteps {
  _parseWorksheet(pieces: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
}
const steps = stream.xlsx.WorkbookReader.prototype as unknown as ReaderSteps;

async function* decodeUtf8(pieces: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const piece of pieces) yield typeof piece === 'string' ? piece : decoder.write(piece);
  yield decoder.end();
}

/**
 * exceljs' streaming reader turns each inflated piece of a part into text on its own, so a Chinese
 * character split between two pieces becomes U+FFFD (exceljs issues #2063 and #2084, open in
 * 4.4). This reader hands the sheet and the shared strings to it as text decoded across pieces.
 */
class Utf8WorkbookReader extends stream.xlsx.WorkbookReader {
  _parseWorksheet(pieces: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown> {
    return steps._parseWorksheet.call(this, decodeUtf8(pieces), sheetNo);
  }

  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown> {
    entry.setEncoding('utf8');
    return steps._parseSharedStrings.call(this, entry);
  }
}

const cellsOf = (row: Row | undefined): CellValue[] =>
  HEADERS.map((_, i) => (row ? row.getCell(i + 1).value : null));

/**
 * A roster file in the department's template read row by row (exceljs' streaming reader), with
 * readRoster's checks: the title names the community, row 2 holds the headers, data from row 3.
 * Throws readRoster's message when the file is not such a roster.
 */
export async function* rosterBatches(file: string): AsyncGenerator<RosterBatch> {
  const workbook = new Utf8WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'cache',
    // Styles tell a date cell from a number, as the whole-file reader does.
    styles: 'cache',
    entries: 'ignore',
  });
  for await (const sheet of workbook) {
    if ((sheet as unknown as { name?: string }).name !== SHEET_NAME) continue;
    let community: string | undefined;
    let headersChecked = false;
    // Rows 1 and 2 are checked when the first row after them arrives (an empty row is not emitted).
    const checkUpTo = (rowNumber: number, row?: Row): void => {
      if (community === undefined && rowNumber >= 1) {
        community = communityOf(rowNumber === 1 && row ? row.getCell(1).value : null);
        if (!community) throw new Error(BAD_TITLE);
      }
      if (!headersChecked && rowNumber >= 2) {
        if (!headersMatch(cellsOf(rowNumber === 2 ? row : undefined))) throw new Error(BAD_HEADERS);
        headersChecked = true;
      }
    };
    let rows: SheetRow[] = [];
    for await (const row of sheet) {
      checkUpTo(row.number, row);
      const data = row.number >= 3 ? sheetRowOf(row.number, cellsOf(row)) : undefined;
      if (data) rows.push(data);
      if (rows.length < BATCH) continue;
      yield { community: community as string, rows };
      rows = [];
    }
    checkUpTo(2);
    yield { community: community as string, rows };
    return;
  }
  throw new Error(NO_SHEET);
}
