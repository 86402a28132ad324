import { Workbook, type CellValue } from 'exceljs';

/** The department's template, written independently of the simulator's own code. */
export const ROSTER_HEADERS = [
  '序号',
  '姓名',
  '公民身份号码',
  '出生年月',
  '文化程度',
  '政治面貌',
  '联系电话',
  '户籍地',
  '现居住地',
  '登记类型',
];

/** A row without its 序号 (added in order). Numbers stay numbers, to imitate careless typing. */
export type RosterRow = Array<string | number>;

export async function buildRoster(
  title: string,
  rows: RosterRow[],
  { sheetName = '兵役登记花名册', headers = ROSTER_HEADERS } = {},
): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getCell(1, 1).value = title;
  sheet.getRow(2).values = headers;
  rows.forEach((row, i) => {
    sheet.getRow(i + 3).values = [i + 1, ...row];
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const text = (value: CellValue): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

/** Title, header row and data rows (as text) of a roster file. */
export async function readRosterFile(
  file: Buffer,
): Promise<{ sheetNames: string[]; title: string; merged: boolean; headers: string[]; rows: string[][] }> {
  const workbook = new Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  for (let r = 3; r <= sheet.rowCount; r++)
    rows.push(ROSTER_HEADERS.map((_, i) => text(sheet.getCell(r, i + 1).value)));
  return {
    sheetNames: workbook.worksheets.map((s) => s.name),
    title: text(sheet.getCell(1, 1).value),
    merged: sheet.getCell(1, ROSTER_HEADERS.length).isMerged,
    headers: ROSTER_HEADERS.map((_, i) => text(sheet.getCell(2, i + 1).value)),
    rows,
  };
}
