import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stream } from 'exceljs';
import { rosterBatches, type RosterBatch } from './militia-conscription.roster-stream';
import { rosterRow } from './militia-conscription.workbook';
import { HEADERS, SHEET_NAME, TITLE_SUFFIX, type RosterEntry } from './militia-conscription.types';
import { BAD_HEADERS, BAD_TITLE, NO_SHEET, readRoster, writeRoster } from './militia-conscription.workbook';

const dir = mkdtempSync(join(tmpdir(), 'roster-stream-'));
const COMMUNITY = '天宁区红梅街道青山湾社区';

/** Enough men that the sheet spans many inflated pieces, with Chinese text in every row. */
const entries: RosterEntry[] = Array.from({ length: 6000 }, (_, i) => ({
  姓名: `陈浩然${i}`,
  公民身份号码: `3204022004031${String(i).padStart(5, '0')}`,
  出生年月: '2004.03',
  文化程度: '大学本科',
  政治面貌: '共青团员',
  联系电话: '13815001234',
  户籍地: `常州市天宁区青山湾路${i}号`,
  现居住地: `常州市天宁区青山湾花园${i}幢2单元501室`,
  登记类型: '初次登记',
  社区: COMMUNITY,
}));

async function streamed(file: string): Promise<{ community: string; rows: RosterBatch['rows'] }> {
  const rows: RosterBatch['rows'] = [];
  let community = '';
  for await (const batch of rosterBatches(file)) {
    community = batch.community;
    rows.push(...batch.rows);
  }
  return { community, rows };
}

/** A sheet written as the generator writes it: exceljs' streaming writer, strings inline. */
async function writeInline(file: string, title: string, headers: readonly string[], sheetName = SHEET_NAME) {
  const workbook = new stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.getRow(1).values = [title];
  sheet.getRow(2).values = [...headers];
  entries.forEach((e, i) => (sheet.getRow(i + 3).values = rosterRow(e, i)));
  await workbook.commit();
}

describe('rosterBatches', () => {
  it('reads what the whole-file reader reads, from a workbook with shared strings', async () => {
    const file = join(dir, 'shared.xlsx');
    writeFileSync(file, await writeRoster(COMMUNITY, entries));
    const whole = await readRoster(readFileSync(file));
    if (!whole.ok) throw new Error(whole.message);
    const read = await streamed(file);
    expect(read.community).toBe(COMMUNITY);
    expect(read.rows).toHaveLength(entries.length);
    expect(read.rows).toEqual(whole.rows);
    expect(read.rows.some((r) => JSON.stringify(r).includes('\uFFFD'))).toBe(false);
  });

  it('reads a workbook with inline strings, characters split between pieces included', async () => {
    const file = join(dir, 'inline.xlsx');
    await writeInline(file, `${COMMUNITY}${TITLE_SUFFIX}`, HEADERS);
    const whole = await readRoster(readFileSync(file));
    if (!whole.ok) throw new Error(whole.message);
    expect((await streamed(file)).rows).toEqual(whole.rows);
  });

  it("refuses what readRoster refuses, with readRoster's message", async () => {
    const badTitle = join(dir, 'bad-title.xlsx');
    await writeInline(badTitle, '花名册', HEADERS);
    await expect(streamed(badTitle)).rejects.toThrow(BAD_TITLE);
    const badHeaders = join(dir, 'bad-headers.xlsx');
    await writeInline(badHeaders, `${COMMUNITY}${TITLE_SUFFIX}`, [...HEADERS.slice(0, 9), '类型']);
    await expect(streamed(badHeaders)).rejects.toThrow(BAD_HEADERS);
    const otherSheet = join(dir, 'other-sheet.xlsx');
    await writeInline(otherSheet, `${COMMUNITY}${TITLE_SUFFIX}`, HEADERS, 'Sheet1');
    await expect(streamed(otherSheet)).rejects.toThrow(NO_SHEET);
  });
});
