/**
 * Each system holds only the people it covers on the reference day, read from the files alone
 * (birth dates and genders as the records state them) plus the true status from people.jsonl.
 */
import { ageOn } from '@hub/domain';
import { REFERENCE_DATE, generatedCity, type GeneratedCity } from './testing/city-fixture';
import type { SeedRecord } from './testing/seed-reader';

describe('coverage on the reference day', () => {
  let city: GeneratedCity;
  beforeAll(async () => {
    city = await generatedCity(6000, 13);
  });
  afterAll(() => city.remove());

  const of = (system: string): SeedRecord[] => city.records.filter((r) => r.system === system);
  const person = (r: SeedRecord) => {
    const p = city.people.get(city.truthOf(r).person);
    if (!p) throw new Error(`no person for ${r.recordId}`);
    return p;
  };
  const age = (birthDate: string, on = REFERENCE_DATE): number => ageOn(birthDate, on);

  it('aging-services: 60 or over; active elders are alive, the others marked', () => {
    for (const r of of('aging-services')) {
      expect(age(String(r.fields.birthDate))).toBeGreaterThanOrEqual(60);
      const status = { active: 'alive', deceased: 'dead', moved: 'moved' }[String(r.fields.status)];
      expect(person(r).status).toBe(status);
    }
    const elders = new Set(of('aging-services').map((r) => person(r).key));
    const missing = [...city.people.values()].filter(
      (p) =>
        p.status === 'alive' &&
        p.idNumber &&
        p.registration !== 'overseas' &&
        age(p.birthDate) >= 60 &&
        !elders.has(p.key),
    );
    expect(missing).toEqual([]);
  });

  it('employment: working age (men 16-59, women 16-54), employed, unemployed or flexible, alive', () => {
    for (const r of of('employment')) {
      const years = age(r.fields['出生日期'] as string);
      expect(years).toBeGreaterThanOrEqual(16);
      expect(years).toBeLessThanOrEqual(r.fields['性别'] === '1' ? 59 : 54);
      expect(['1', '2', '3']).toContain(r.fields['就业状态']);
      expect(person(r).status).toBe('alive');
    }
  });

  it('social-insurance: 16 or over, alive', () => {
    for (const r of of('social-insurance')) {
      const [y, m, d] = String(r.fields['出生日期']).split('/').map(Number);
      expect(age(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)).toBeGreaterThanOrEqual(
        16,
      );
      expect(person(r).status).toBe('alive');
    }
  });

  it('family-planning: women 15-49, children under 7, and husbands of such women', () => {
    const byId = new Map(of('family-planning').map((r) => [r.idNumber, r]));
    for (const r of of('family-planning')) {
      const years = age(String(r.fields.csrq));
      const woman = r.fields.xb === '2' && years >= 15 && years <= 49;
      const wife = byId.get(String(r.fields.pobsfzh));
      const husband = r.fields.xb === '1' && years >= 15 && wife !== undefined && wife.fields.xb === '2';
      const wrongSpouse = (city.truthOf(r).noise ?? []).some(
        (t) => t === 'spouse-id-own' || t === 'spouse-id-typo',
      );
      expect({ id: r.recordId, covered: years < 7 || woman || husband || wrongSpouse }).toEqual({
        id: r.recordId,
        covered: true,
      });
      expect(person(r).status).toBe('alive');
    }
  });

  it('militia-conscription: men 18-22 on 31 December of the year, all of them', () => {
    const year = REFERENCE_DATE.slice(0, 4);
    const rows = of('militia-conscription');
    for (const r of rows) {
      const born = String(r.fields['出生年月']);
      expect(Number(year) - Number(born.slice(0, 4))).toBeGreaterThanOrEqual(18);
      expect(Number(year) - Number(born.slice(0, 4))).toBeLessThanOrEqual(22);
      expect(Number(r.idNumber[16]) % 2).toBe(1);
    }
    const men = [...city.people.values()].filter((p) => {
      const years = age(p.birthDate, `${year}-12-31`);
      return (
        p.status === 'alive' &&
        p.gender === '1' &&
        p.idNumber &&
        p.registration !== 'overseas' &&
        years >= 18 &&
        years <= 22
      );
    });
    expect(rows.map((r) => person(r).key).sort()).toEqual(men.map((p) => p.key).sort());
  });

  it('justice-corrections: a running term is in corrections, an ended one released', () => {
    for (const r of of('justice-corrections')) {
      const running = String(r.fields.jzqxEnd) >= REFERENCE_DATE;
      expect(r.fields.zt).toBe(running ? '1' : '2');
      expect(String(r.fields.jzqxStart) <= String(r.fields.jzqxEnd)).toBe(true);
    }
  });

  it('police, grid and health mark the dead and the departed, and only them', () => {
    const police = { '0': 'alive', '1': 'dead', '2': 'moved' } as Record<string, string>;
    for (const r of of('police-population')) expect(person(r).status).toBe(police[String(r.fields.ZT)]);
    const grid = { normal: 'alive', deceased: 'dead', left: 'moved' } as Record<string, string>;
    for (const r of of('grid-governance')) expect(person(r).status).toBe(grid[String(r.fields.status)]);
    for (const r of of('public-health')) expect(r.fields.deceasedBoolean).toBe(person(r).status === 'dead');
  });
});
