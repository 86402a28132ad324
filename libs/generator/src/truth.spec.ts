/**
 * truth.jsonl against the seed files read back: one line per source record, no more, no less,
 * each naming a true person of people.jsonl; and the record ID numbers are the person's own
 * unless the line says what noise made them differ.
 */
import { normaliseCitizenId, parseCitizenId, upgradeLegacyCitizenId } from '@hub/domain';
import { ID_NOISE, type NoiseTag } from './output/truth';
import { REFERENCE_DATE, generatedCity, type GeneratedCity } from './testing/city-fixture';
import type { SeedRecord } from './testing/seed-reader';

describe('truth.jsonl', () => {
  let city: GeneratedCity;
  beforeAll(async () => {
    city = await generatedCity(5000, 5);
  });
  afterAll(() => city.remove());

  const key = (system: string, recordId: string): string => `${system} ${recordId}`;

  it('covers every source record exactly once, and nothing else', () => {
    const fromFiles = city.records.map((r) => key(r.system, r.recordId));
    const fromTruth = city.truth.map((t) => key(t.system, t.recordId));
    expect(new Set(fromFiles).size).toBe(fromFiles.length);
    expect(new Set(fromTruth).size).toBe(fromTruth.length);
    expect([...fromTruth].sort()).toEqual([...fromFiles].sort());
  });

  it('names a person of people.jsonl on every line', () => {
    expect(city.truth.filter((t) => !city.people.has(t.person))).toEqual([]);
  });

  it('lists every police resident once: everyone with a number who is not a foreigner', () => {
    const police = city.truth.filter((t) => t.system === 'police-population').map((t) => t.person);
    const expected = [...city.people.values()].filter((p) => p.idNumber && p.registration !== 'overseas');
    expect(new Set(police).size).toBe(police.length);
    expect([...police].sort()).toEqual(expected.map((p) => p.key).sort());
  });

  it('gives every living person a health archive, and a few people a second one', () => {
    const archives = new Map<string, number>();
    for (const t of city.truth.filter((l) => l.system === 'public-health')) {
      archives.set(t.person, (archives.get(t.person) ?? 0) + 1);
    }
    const living = [...city.people.values()].filter((p) => p.status !== 'dead');
    expect(living.every((p) => archives.has(p.key))).toBe(true);
    expect([...archives.values()].some((n) => n === 2)).toBe(true);
  });
});

describe('ID numbers in the seed files', () => {
  let city: GeneratedCity;
  beforeAll(async () => {
    city = await generatedCity(5000, 9);
  });
  afterAll(() => city.remove());

  const today = new Date(`${REFERENCE_DATE}T12:00:00+08:00`);
  const own = (r: SeedRecord): string | null => city.people.get(city.truthOf(r).person)?.idNumber ?? null;

  it('are the person’s own valid number wherever no ID noise is recorded', () => {
    const wrong = city.records.filter((r) => {
      const noise = city.truthOf(r).noise ?? [];
      if (noise.some((tag) => ID_NOISE.has(tag))) return false;
      if (r.idNumber === '') return own(r) !== null;
      const parsed = parseCitizenId(r.idNumber, today);
      return !parsed.ok || parsed.id.value !== own(r) || r.idNumber.length !== 18;
    });
    expect(wrong.map((r) => `${r.system} ${r.recordId} ${r.idNumber}`)).toEqual([]);
  });

  /** How a record's number (`written`) differs from the person's own (`id`) under each ID noise. */
  const SHOWS: Partial<Record<NoiseTag, (written: string, id: string | null) => boolean>> = {
    'legacy-id': (written, id) => written.length === 15 && upgradeLegacyCitizenId(written) === id,
    'full-width-id': (written, id) => written !== id && normaliseCitizenId(written) === id,
    'lower-x': (written, id) => written !== id && normaliseCitizenId(written) === id,
    'id-typo': (written) => {
      const parsed = parseCitizenId(written, today);
      return !parsed.ok && parsed.problem === 'checksum';
    },
    'missing-id': (written) => written === '',
    'mother-id': (written, id) => id === null && parseCitizenId(written, today).ok,
  };
  const shows = (tag: NoiseTag, written: string, id: string | null): boolean =>
    SHOWS[tag]?.(written, id) ?? true;

  it('differ from it only in the way the noise says', () => {
    const noisy = city.records.filter((r) => (city.truthOf(r).noise ?? []).some((tag) => ID_NOISE.has(tag)));
    expect(noisy.length).toBeGreaterThan(50);
    const unexplained = noisy.flatMap((r) =>
      (city.truthOf(r).noise ?? [])
        .filter((tag) => !shows(tag, r.idNumber, own(r)))
        .map((tag) => `${r.system} ${r.recordId} ${tag} ${r.idNumber}`),
    );
    expect(unexplained).toEqual([]);
  });

  it('keep spouse numbers valid in family-planning unless marked wrong', () => {
    const spouseIds = city.records.filter((r) => r.system === 'family-planning' && r.fields.pobsfzh);
    const unexplained = spouseIds.filter((r) => {
      const noise = city.truthOf(r).noise ?? [];
      const spouse = String(r.fields.pobsfzh);
      if (noise.includes('spouse-id-own')) return spouse !== r.idNumber;
      if (noise.includes('spouse-id-typo')) return parseCitizenId(spouse, today).ok;
      return !parseCitizenId(spouse, today).ok || spouse === r.idNumber;
    });
    expect(spouseIds.length).toBeGreaterThan(100);
    expect(unexplained.map((r) => r.recordId)).toEqual([]);
  });
});
