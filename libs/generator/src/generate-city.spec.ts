import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCity } from './generate-city';
import { REFERENCE_DATE, generatedCity, type GeneratedCity } from './testing/city-fixture';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'hub-generator-'));

describe(generateCity.name, () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  async function generate(seed: number): Promise<{ dir: string; files: string[] }> {
    const dir = tempDir();
    dirs.push(dir);
    const { files } = await generateCity({ people: 1500, seed, outDir: dir, referenceDate: REFERENCE_DATE });
    return { dir, files };
  }

  it('writes byte-identical files for the same seed and options', async () => {
    const first = await generate(42);
    const second = await generate(42);
    expect(first.files).toHaveLength(14);
    for (const file of first.files) {
      expect({
        file,
        same: readFileSync(join(first.dir, file)).equals(readFileSync(join(second.dir, file))),
      }).toEqual({
        file,
        same: true,
      });
    }
  });

  it('makes another city from another seed', async () => {
    const first = await generate(42);
    const other = await generate(43);
    const police = (dir: string): string => readFileSync(join(dir, 'police-population.xml'), 'utf8');
    expect(police(other.dir)).not.toEqual(police(first.dir));
  });

  it('writes clean copies at noise scale 0: only what a system cannot store differs', async () => {
    const clean = await generatedCity(3000, 21, { scale: 0 });
    try {
      const tags = new Set(clean.truth.flatMap((t) => t.noise ?? []));
      expect([...tags].filter((t) => !['gbk-loss', 'name-truncated', 'revoked-card'].includes(t))).toEqual(
        [],
      );
      const names = clean.records.filter((r) => r.system === 'public-health');
      expect(
        names.every(
          (r) =>
            (r.fields.name as Array<{ text: string }>)[0].text ===
            clean.people.get(clean.truthOf(r).person)?.name,
        ),
      ).toBe(true);
    } finally {
      clean.remove();
    }
  });

  it('refuses a reference date that is not a real day and a count that is not a positive integer', async () => {
    const outDir = tempDir();
    dirs.push(outDir);
    await expect(generateCity({ people: 10, seed: 1, outDir, referenceDate: '2026-02-30' })).rejects.toThrow(
      RangeError,
    );
    await expect(generateCity({ people: 0, seed: 1, outDir })).rejects.toThrow(RangeError);
  });
});

describe('the synthetic city', () => {
  let city: GeneratedCity;
  beforeAll(async () => {
    city = await generatedCity(12_000, 11);
  });
  afterAll(() => city.remove());

  const people = () => [...city.people.values()];

  it('has exactly the requested number of people, each with a unique key and ID number', () => {
    expect(city.result.people).toBe(12_000);
    expect(city.people.size).toBe(12_000);
    const ids = people().flatMap((p) => (p.idNumber ? [p.idNumber] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives common names to many people (namesakes)', () => {
    const counts = new Map<string, number>();
    for (const p of people()) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
    const namesakes = ['张伟', '王伟', '王芳', '李娜', '张敏', '王静'].map((n) => counts.get(n) ?? 0);
    expect(namesakes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(15);
    expect(Math.max(...counts.values())).toBeGreaterThanOrEqual(5);
  });

  it('has twins: same birthday, community and surname', () => {
    const seen = new Map<string, number>();
    for (const p of people()) {
      const key = `${p.birthDate} ${p.community} ${p.name[0]}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect([...seen.values()].filter((n) => n >= 2).length).toBeGreaterThan(3);
  });

  it('has minorities with dotted names, floating residents, foreigners, deaths and people without a number', () => {
    const all = people();
    expect(all.filter((p) => p.name.includes('·')).length).toBeGreaterThan(5);
    expect(all.filter((p) => p.registration === 'floating').length).toBeGreaterThan(600);
    expect(all.filter((p) => p.registration === 'overseas').every((p) => p.idNumber === null)).toBe(true);
    expect(all.filter((p) => p.status === 'dead').length).toBeGreaterThan(30);
    expect(all.filter((p) => p.idNumber === null && p.registration !== 'overseas').length).toBeGreaterThan(
      10,
    );
  });

  it('reports per system as many records as truth.jsonl lists', () => {
    const lines = new Map<string, number>();
    for (const t of city.truth) lines.set(t.system, (lines.get(t.system) ?? 0) + 1);
    expect(Object.fromEntries(lines)).toEqual(city.result.records);
    expect(Object.keys(city.result.records)).toHaveLength(11);
  });
});
