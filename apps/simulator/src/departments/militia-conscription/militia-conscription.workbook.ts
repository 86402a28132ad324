import { Workbook, type CellValue } from 'exceljs';
import {
  HEADERS,
  SHEET_NAME,
  TITLE_SUFFIX,
  type RosterEntry,
  type SheetRow,
} from './militia-conscription.types';

export type ReadResult = { ok: true; community: string; rows: SheetRow[] } | { ok: false; message: string };

/** Plain text of a cell, whatever Excel made of what was typed (rich text, links, formulas). */
function textOf(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('result' in value) return textOf(value.result);
  return '';
}

/**
 * `出生年月` typed into Excel as a number loses its trailing zero (2005.10 → 2005.1), and a
 * formatted cell may hold a date: both are read back as `yyyy.MM`.
 */
function birthMonthOf(value: CellValue): string {
  if (typeof value === 'number') return value.toFixed(2);
  if (value instanceof Date)
    return `${value.getUTCFullYear()}.${String(value.getUTCMonth() + 1).padStart(2, '0')}`;
  return textOf(value);
}

const NOT_XLSX = '文件不是有效的Excel(xlsx)文件，请使用兵役登记花名册模板';
export const NO_SHEET = `未找到工作表“${SHEET_NAME}”，请使用兵役登记花名册模板`;
export const BAD_TITLE = `第1行标题应为“<社区名称>${TITLE_SUFFIX}”`;
export const BAD_HEADERS = `第2行表头与模板不符，应为：${HEADERS.join('、')}`;

/** The community the title cell names; '' when the title is not the template's. */
export function communityOf(titleCell: CellValue): string {
  const title = textOf(titleCell);
  return title.endsWith(TITLE_SUFFIX) ? title.slice(0, -TITLE_SUFFIX.length).trim() : '';
}

/** Whether row 2's cells (columns 1…10) are the template's headers. */
export const headersMatch = (cells: CellValue[]): boolean =>
  HEADERS.every((header, i) => textOf(cells[i]) === header);

/** A data row from its cells (columns 1…10); undefined for an empty row. */
export function sheetRowOf(row: number, values: CellValue[]): SheetRow | undefined {
  if (values.every((v) => textOf(v) === '')) return undefined;
  const cells = Object.fromEntries(HEADERS.map((h, i) => [h, textOf(values[i])])) as SheetRow['cells'];
  cells['出生年月'] = birthMonthOf(values[3]);
  return { row, cells, numericId: typeof values[2] === 'number' };
}

/** Reads an uploaded roster in the department's template, or says why it is not one. */
export async function readRoster(file: Buffer): Promise<ReadResult> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: NOT_XLSX };
  }
  const sheet = workbook.getWorksheet(SHEET_NAME);
  if (!sheet) return { ok: false, message: NO_SHEET };
  const community = communityOf(sheet.getCell(1, 1).value);
  if (!community) return { ok: false, message: BAD_TITLE };
  if (!headersMatch(HEADERS.map((_, i) => sheet.getCell(2, i + 1).value)))
    return { ok: false, message: BAD_HEADERS };
  const rows: SheetRow[] = [];
  for (let r = 3; r <= sheet.rowCount; r++) {
    const row = sheetRowOf(
      r,
      HEADERS.map((_, i) => sheet.getCell(r, i + 1).value),
    );
    if (row) rows.push(row);
  }
  return { ok: true, community, rows };
}

/** The roster in the department's template: merged title, header row, one man a row. */
export async function writeRoster(community: string, entries: RosterEntry[]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME);
  sheet.mergeCells(1, 1, 1, HEADERS.length);
  const title = sheet.getCell(1, 1);
  title.value = `${community}${TITLE_SUFFIX}`;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  sheet.getRow(2).values = [...HEADERS];
  sheet.getRow(2).font = { bold: true };
  entries.forEach((e, i) => {
    sheet.getRow(i + 3).values = rosterRow(e, i);
  });
  sheet.columns.forEach((column, i) => {
    column.width = [6, 10, 22, 10, 12, 12, 15, 30, 30, 10][i];
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One roster row under the headers: its number from 1, then the entry's columns in sheet order. */
export function rosterRow(e: RosterEntry, index: number): Array<string | number> {
  return [
    index + 1,
    e.姓名,
    e.公民身份号码,
    e.出生年月,
    e.文化程度,
    e.政治面貌,
    e.联系电话,
    e.户籍地,
    e.现居住地,
    e.登记类型,
  ];
}
