/**
 * The seed files as the simulators load them: each file goes through the simulator's own parser
 * where it exports one (else the same library with the same options), and records carrying no
 * noise that a department would refuse pass the department's own validation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseElder } from '../../../apps/simulator/src/departments/aging-services/aging-services.validation';
import { parseHousehold } from '../../../apps/simulator/src/departments/civil-assistance/civil-assistance.validation';
import { parsePerson } from '../../../apps/simulator/src/departments/disability/disability.validation';
import { fromGbkCsv as employmentCsv } from '../../../apps/simulator/src/departments/employment/employment.gbk';
import { checkPerson } from '../../../apps/simulator/src/departments/family-planning/family-planning.validation';
import { validatePerson } from '../../../apps/simulator/src/departments/grid-governance/grid-governance.validation';
import { validateRecord } from '../../../apps/simulator/src/departments/justice-corrections/justice-corrections.validation';
import { checkRow } from '../../../apps/simulator/src/departments/militia-conscription/militia-conscription.validation';
import { readRoster } from '../../../apps/simulator/src/departments/militia-conscription/militia-conscription.workbook';
import { parseSeedXml } from '../../../apps/simulator/src/departments/police-population/police-population.storage';
import { validatePatient } from '../../../apps/simulator/src/departments/public-health/public-health.validation';
import { fromGbkCsv as insuranceCsv } from '../../../apps/simulator/src/departments/social-insurance/social-insurance.csv';
import type { NoiseTag } from './output/truth';
import { REFERENCE_DATE, generatedCity, type GeneratedCity } from './testing/city-fixture';
import { readPoliceXml, type SeedRecord } from './testing/seed-reader';
import { EMPLOYMENT_HEADER } from './writers/employment';
import { FAMILY_PLANNING_COLUMNS } from './writers/family-planning';
import { MILITIA_TITLE } from './writers/militia-conscription';
import { SOCIAL_INSURANCE_HEADER } from './writers/social-insurance';

describe('seed files as the simulators load them', () => {
  let city: GeneratedCity;
  beforeAll(async () => {
    city = await generatedCity(5000, 3);
  });
  afterAll(() => city.remove());

  const file = (name: string): Buffer => readFileSync(join(city.dir, name));
  const json = <T>(name: string): T => JSON.parse(file(name).toString('utf8')) as T;
  const of = (system: string): SeedRecord[] => city.records.filter((r) => r.system === system);
  /** Records whose noise includes none of `refused` (what the department's checks would turn away). */
  const clean = (system: string, refused: NoiseTag[]): SeedRecord[] =>
    of(system).filter((r) => !(city.truthOf(r).noise ?? []).some((tag) => refused.includes(tag)));
  const now = new Date(`${REFERENCE_DATE}T12:00:00+08:00`);

  it('police-population.xml: the simulator parses what we wrote, field by field', () => {
    const xml = file('police-population.xml').toString('utf8');
    const parsed = parseSeedXml(xml);
    expect(parsed.length).toBe(of('police-population').length);
    expect(parsed).toEqual(readPoliceXml(xml));
  });

  it('civil-assistance.json: household documents the case-work checks accept', () => {
    const households = json<Array<Record<string, unknown>>>('civil-assistance.json');
    expect(households.length).toBeGreaterThan(10);
    const noisy = new Set(
      of('civil-assistance')
        .filter((r) => (city.truthOf(r).noise ?? []).some((t) => t === 'mother-id' || t === 'id-typo'))
        .map((r) => r.recordId.split('/')[0]),
    );
    for (const h of households.filter((d) => !noisy.has(String(d.householdNo)))) {
      expect(() => parseHousehold(h, now)).not.toThrow();
      expect(String(h.householdNo)).toMatch(/^MZ\d{12}$/);
    }
  });

  it('aging-services.json: every elder with an 18-digit number passes the system checks', () => {
    for (const r of clean('aging-services', ['legacy-id']))
      expect(() => parseElder(r.fields, now)).not.toThrow();
    expect(of('aging-services').every((r) => /^EL\d{10}$/.test(r.recordId))).toBe(true);
  });

  it('family-planning.csv: the loader columns, and every person passes the department checks', () => {
    const text = file('family-planning.csv')
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const rows = parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true, trim: true });
    expect(Object.keys(rows[0])).toEqual(FAMILY_PLANNING_COLUMNS);
    for (const row of rows) expect(checkPerson(row)).toMatchObject({ ok: true });
    expect(rows.every((r) => /^RK320400\d{10}$/.test(r.rkbh))).toBe(true);
  });

  it('public-health.ndjson: one Patient a line; archives without swapped dates pass validation', () => {
    for (const r of clean('public-health', ['date-swap'])) {
      expect(() => validatePatient(r.fields, REFERENCE_DATE)).not.toThrow();
    }
    expect(of('public-health').every((r) => /^\d{17}$/.test(r.recordId))).toBe(true);
  });

  it('employment.csv: GBK with the Chinese header the loader maps', () => {
    const rows = employmentCsv(file('employment.csv'));
    expect(Object.keys(rows[0])).toEqual(EMPLOYMENT_HEADER);
    expect(rows.map((r) => r['人员编号'])).toEqual(of('employment').map((r) => r.recordId));
    expect(rows.some((r) => /[０-９]/.test(r['身份证号码']))).toBe(true);
  });

  it('social-insurance.csv: GBK with the roster header, dates yyyy/M/d', () => {
    const { header, rows } = insuranceCsv(file('social-insurance.csv'));
    expect(header).toEqual(SOCIAL_INSURANCE_HEADER);
    expect(rows.length).toBe(of('social-insurance').length);
    expect(rows.every((r) => /^\d{4}\/\d{1,2}\/\d{1,2}$/.test(r['出生日期']))).toBe(true);
  });

  it('disability.json and justice-corrections.json pass their systems checks', () => {
    for (const r of of('disability')) expect(() => parsePerson(r.fields)).not.toThrow();
    for (const r of of('justice-corrections')) expect(() => validateRecord(r.fields)).not.toThrow();
    expect(
      of('disability').every(
        (r) =>
          r.recordId === `${r.idNumber}${String(r.fields.disabilityType)}${String(r.fields.disabilityGrade)}`,
      ),
    ).toBe(true);
  });

  it('militia-conscription.xlsx: the department template, every row accepted for the reference year', async () => {
    const roster = await readRoster(file('militia-conscription.xlsx'));
    if (!roster.ok) throw new Error(roster.message);
    expect(`${roster.community}兵役登记花名册`).toBe(MILITIA_TITLE);
    expect(roster.rows.length).toBe(of('militia-conscription').length);
    for (const row of roster.rows)
      expect(checkRow(row, Number(REFERENCE_DATE.slice(0, 4)))).toMatchObject({ ok: true });
  });

  it('grid-governance.json: persons that pass validation and houses whose members exist', () => {
    for (const r of clean('grid-governance', ['mother-id', 'id-typo'])) {
      const { personId: _id, ...item } = r.fields;
      expect(() => validatePerson(item)).not.toThrow();
    }
    const { persons, houses } = json<{
      persons: Array<{ personId: string }>;
      houses: Array<{ headPersonId: string; memberPersonIds: string[] }>;
    }>('grid-governance.json');
    const ids = new Set(persons.map((p) => p.personId));
    expect(houses.length).toBeGreaterThan(100);
    for (const h of houses)
      expect([h.headPersonId, ...h.memberPersonIds].every((id) => ids.has(id))).toBe(true);
  });
});
