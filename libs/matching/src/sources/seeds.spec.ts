/**
 * Every extractor against the simulators' seed files (test/simulator/fixtures), read the way each
 * connector's exportAll hands records over: JSON objects, FHIR resources, decoded GBK CSV rows
 * keyed by their headers, XLSX lines as text, `<RY>` elements as text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { SourcePerson } from '../source-person';
import { SOURCE_EXTRACTORS, type PersonSystem } from '.';

const SEEDS = join(__dirname, '../../../../test/simulator/fixtures');
const seed = (file: string): Buffer => readFileSync(join(SEEDS, file));

type Raw = Record<string, unknown>;

const csv = (bytes: Buffer, encoding: string): Raw[] =>
  parse(iconv.decode(bytes, encoding), { columns: true, skip_empty_lines: true, trim: true, bom: true });

/** `<RY><RYBH>…</RYBH>…</RY>`: flat elements of text, '' for an empty one, as the soap client gives. */
const policeRecords = (xml: string): Raw[] =>
  Array.from(xml.matchAll(/<RY>(.*?)<\/RY>/gs), ([, body]) =>
    Object.fromEntries(Array.from(body.matchAll(/<(\w+)>([^<]*)<\/\1>/g), ([, tag, value]) => [tag, value])),
  );

async function rosterLines(bytes: Buffer): Promise<Raw[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const headers = (sheet.getRow(2).values as unknown[]).map((v) => String(v ?? ''));
  const lines: Raw[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber < 3) return;
    lines.push(
      Object.fromEntries(headers.map((h, i) => [h, String(row.getCell(i).value ?? '')]).filter(([h]) => h)),
    );
  });
  return lines;
}

async function seedRecords(system: PersonSystem): Promise<Raw[]> {
  switch (system) {
    case 'police-population':
      return policeRecords(seed('police-population.xml').toString('utf8'));
    case 'public-health':
      return seed('public-health.ndjson')
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Raw);
    case 'employment':
    case 'social-insurance':
      return csv(seed(`${system}.csv`), 'gbk');
    case 'family-planning':
      return csv(seed('family-planning.csv'), 'utf8');
    case 'militia-conscription':
      return rosterLines(seed('militia-conscription.xlsx'));
    case 'grid-governance': {
      const { persons, houses } = JSON.parse(seed('grid-governance.json').toString('utf8')) as Record<
        string,
        Raw[]
      >;
      return [...persons, ...houses];
    }
    case 'civil-assistance':
    case 'aging-services':
    case 'disability':
    case 'justice-corrections':
      return JSON.parse(seed(`${system}.json`).toString('utf8')) as Raw[];
  }
}

const systems = Object.keys(SOURCE_EXTRACTORS) as PersonSystem[];
const extracted = new Map<PersonSystem, SourcePerson[]>();

beforeAll(async () => {
  for (const system of systems)
    extracted.set(system, (await seedRecords(system)).flatMap(SOURCE_EXTRACTORS[system]));
});

describe('extractors on the simulators’ seeds', () => {
  it.each(systems)('%s: every person has its own record id and the system’s slug', (system) => {
    const persons = extracted.get(system) ?? [];
    const ids = persons.map((p) => p.recordId);

    expect(persons.length).toBeGreaterThan(0);
    expect(persons.every((p) => p.system === system && p.recordId !== '')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(systems)('%s: every ID number the seed states comes out as 18 characters', (system) => {
    const persons = (extracted.get(system) ?? []).filter((p) => p.idNumberRaw !== null);

    expect(persons.every((p) => p.idNumber !== null && /^\d{17}[\dX]$/.test(p.idNumber))).toBe(true);
  });

  it.each(systems)('%s: every person has a name, and a birth date where the system keeps one', (system) => {
    const persons = extracted.get(system) ?? [];
    const keepsBirthDate = !['civil-assistance', 'justice-corrections'].includes(system);

    expect(persons.every((p) => p.name !== null)).toBe(true);
    expect(persons.every((p) => p.birthDate !== null)).toBe(keepsBirthDate);
  });

  it('reads the seeds’ known quirks', () => {
    const employment = extracted.get('employment') ?? [];
    const wu = employment.find((p) => p.idNumberRaw?.startsWith('３'));
    const gridPersons = extracted.get('grid-governance') ?? [];

    expect(wu).toMatchObject({
      name: '吴明',
      idNumber: '320404198804113712',
      attributes: { nameIncomplete: 'true' },
    });
    expect(extracted.get('aging-services')?.find((p) => p.idNumberRaw === '320402340615031')?.idNumber).toBe(
      '32040219340615031X',
    );
    // 7 persons and 3 houses: houses are places, not persons.
    expect(gridPersons).toHaveLength(7);
    expect(extracted.get('militia-conscription')?.map((p) => p.birthDate)).toContain('2005-10-00');
  });
});
