import ExcelJS from 'exceljs';
import { ROSTER_HEADERS, ROSTER_SHEET, FIRST_DATA_ROW, type RosterEntry } from './militia-conscription.types';

/**
 * The department's template: row 1 the title `<community name>兵役登记花名册` merged over every
 * column, row 2 the headers, data from row 3. Every cell is text — ID and phone numbers as
 * numbers would lose digits or leading zeros in Excel.
 */
export async function buildRoster(communityName: string, entries: RosterEntry[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(ROSTER_SHEET);
  sheet.mergeCells(1, 1, 1, ROSTER_HEADERS.length);
  sheet.getCell(1, 1).value = `${communityName}兵役登记花名册`;
  sheet.getRow(2).values = [...ROSTER_HEADERS];
  entries.forEach((entry, index) => {
    const row = sheet.getRow(FIRST_DATA_ROW + index);
    row.values = [
      String(index + 1),
      ...ROSTER_HEADERS.slice(1).map((header) => entry[header as keyof RosterEntry]),
    ];
    row.eachCell((cell) => (cell.numFmt = '@'));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value).trim();
};

/**
 * A roster the department sends back (export), line by line in its own column names. The header
 * row is read, not assumed, so a reordered template still reads right; empty lines are skipped.
 */
export async function readRoster(xlsx: Buffer): Promise<Array<Record<string, string>>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(ROSTER_SHEET) ?? workbook.worksheets[0];
  if (!sheet) return [];
  const headers: string[] = [];
  sheet.getRow(FIRST_DATA_ROW - 1).eachCell((cell, column) => (headers[column] = cellText(cell.value)));
  const lines: Array<Record<string, string>> = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber < FIRST_DATA_ROW) return;
    const line: Record<string, string> = {};
    headers.forEach((header, column) => {
      if (header) line[header] = cellText(row.getCell(column).value);
    });
    if (Object.values(line).some((value) => value !== '')) lines.push(line);
  });
  return lines;
}
