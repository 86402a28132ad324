/**
 * Reads a generated seed directory back, system by system, into plain records with the record id
 * the importer reports and the record's own ID number as written. For tests and benchmarks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Workbook, type CellValue } from 'exceljs';
import iconv from 'iconv-lite';
import type { PersonLine, TruthLine } from '../output/truth';

export interface SeedRecord {
  system: string;
  recordId: string;
  /** The record's own ID number as written ('' when it has none). */
  idNumber: string;
  fields: Record<string, unknown>;
}

type Row = Record<string, string>;
type Json = Record<string, unknown>;

const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const readJson = <T>(dir: string, file: string): T => JSON.parse(read(dir, file)) as T;
const gbkCsv = (dir: string, file: string): Row[] =>
  parse<Row>(iconv.decode(readFileSync(join(dir, file)), 'gbk'), { columns: true, skip_empty_lines: true });

export function readPoliceXml(xml: string): Row[] {
  return [...xml.matchAll(/<RY>([\s\S]*?)<\/RY>/g)].map(([, body]) =>
    Object.fromEntries([...body.matchAll(/<([A-Z]+)>([\s\S]*?)<\/\1>/g)].map(([, k, v]) => [k, v])),
  );
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export async function readMilitiaRows(file: string): Promise<Row[]> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  const headers = (sheet.getRow(2).values as CellValue[]).slice(1).map(cellText);
  const rows: Row[] = [];
  for (let r = 3; r <= sheet.rowCount; r++) {
    rows.push(Object.fromEntries(headers.map((h, i) => [h, cellText(sheet.getCell(r, i + 1).value)])));
  }
  return rows;
}

const record = (system: string, recordId: string, idNumber: unknown, fields: Json): SeedRecord => ({
  system,
  recordId,
  idNumber: typeof idNumber === 'string' ? idNumber : '',
  fields,
});

export async function readSeedRecords(dir: string): Promise<SeedRecord[]> {
  const records: SeedRecord[] = [];
  for (const r of readPoliceXml(read(dir, 'police-population.xml')))
    records.push(record('police-population', r.RYBH, r.GMSFHM, r));
  for (const h of readJson<Json[]>(dir, 'civil-assistance.json'))
    (h.members as Json[]).forEach((m, i) =>
      records.push(
        record('civil-assistance', `${String(h.householdNo)}/${i}`, m.idCard, { ...m, household: h }),
      ),
    );
  for (const e of readJson<Json[]>(dir, 'aging-services.json'))
    records.push(record('aging-services', String(e.elderId), e.idCard, e));
  for (const r of parse<Row>(read(dir, 'family-planning.csv'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }))
    records.push(record('family-planning', r.rkbh, r.sfzh, r));
  for (const line of read(dir, 'public-health.ndjson').split('\n').filter(Boolean)) {
    const p = JSON.parse(line) as Json & { id: string; identifier?: Array<{ value: string }> };
    records.push(record('public-health', p.id, p.identifier?.[0]?.value, p));
  }
  for (const r of gbkCsv(dir, 'employment.csv'))
    records.push(record('employment', r['人员编号'], r['身份证号码'], r));
  for (const r of gbkCsv(dir, 'social-insurance.csv'))
    records.push(record('social-insurance', r['个人编号'], r['公民身份号码'], r));
  for (const d of readJson<Json[]>(dir, 'disability.json'))
    records.push(record('disability', String(d.cardNo), d.idNumber, d));
  for (const j of readJson<Json[]>(dir, 'justice-corrections.json'))
    records.push(record('justice-corrections', String(j.sqjzrybh), j.sfzh, j));
  for (const r of await readMilitiaRows(join(dir, 'militia-conscription.xlsx')))
    records.push(record('militia-conscription', r['公民身份号码'], r['公民身份号码'], r));
  for (const g of readJson<{ persons: Json[] }>(dir, 'grid-governance.json').persons)
    records.push(record('grid-governance', String(g.personId), g.idNo, g));
  return records;
}

export const readTruth = (dir: string): TruthLine[] =>
  read(dir, 'truth.jsonl')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as TruthLine);

export const readPeople = (dir: string): PersonLine[] =>
  read(dir, 'people.jsonl')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as PersonLine);
