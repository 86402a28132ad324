import fc from 'fast-check';
import { normaliseCitizenId, parseCitizenId, upgradeLegacyCitizenId } from '@hub/domain';
import { CitizenIdAllocator, fullWidthId, legacyIdOf, localRegionCode, mistypedId } from './ids';
import { Random } from './random';

describe(CitizenIdAllocator.name, () => {
  it('hands out valid, distinct numbers that state the birth date and gender', () => {
    const ids = new CitizenIdAllocator();
    const issued = Array.from({ length: 600 }, (_, i) =>
      ids.next('320402', '1990-05-17', i % 2 === 0 ? '1' : '2'),
    );
    expect(new Set(issued).size).toBe(600);
    for (const [i, id] of issued.entries()) {
      const parsed = parseCitizenId(id);
      expect(parsed).toMatchObject({
        ok: true,
        id: { birthDate: '1990-05-17', gender: i % 2 === 0 ? '1' : '2' },
      });
    }
  });

  it('uses the county code of first registration for 金坛 and 武进', () => {
    expect(localRegionCode('320413', '2010-01-01')).toBe('320482');
    expect(localRegionCode('320413', '2016-01-01')).toBe('320413');
    expect(localRegionCode('320412', '1980-01-01')).toBe('320483');
    expect(localRegionCode('320402', '1950-01-01')).toBe('320402');
  });
});

describe('ID noise', () => {
  const anyId = fc
    .tuple(fc.integer(), fc.integer({ min: 0, max: 30_000 }))
    .map(([seed, day]) =>
      new CitizenIdAllocator().next(
        '320404',
        new Date((day - 20_000) * 86_400_000).toISOString().slice(0, 10),
        seed % 2 === 0 ? '1' : '2',
      ),
    );

  it('a legacy number upgrades back to the 18-digit one', () => {
    fc.assert(
      fc.property(
        anyId.filter((id) => id.slice(6, 8) === '19'),
        (id) => {
          expect(upgradeLegacyCitizenId(legacyIdOf(id))).toBe(id);
        },
      ),
    );
  });

  it('full-width digits normalise back', () => {
    fc.assert(
      fc.property(anyId, (id) => {
        expect(fullWidthId(id)).not.toBe(id);
        expect(normaliseCitizenId(fullWidthId(id))).toBe(id);
      }),
    );
  });

  it('a mistyped number never passes the check', () => {
    fc.assert(
      fc.property(anyId, fc.integer(), (id, seed) => {
        const typo = mistypedId(id, new Random(seed));
        expect(typo).not.toBe(id);
        expect(typo).toHaveLength(18);
        expect(parseCitizenId(typo)).toMatchObject({ ok: false, problem: 'checksum' });
      }),
    );
  });
});
