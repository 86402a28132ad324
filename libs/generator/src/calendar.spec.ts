import fc from 'fast-check';
import { ageOn as domainAgeOn } from '@hub/domain';
import { ageOn, birthDateForAge, dayNumber, fromDayNumber, isRealDate } from './calendar';
import { Random } from './random';

describe('calendar', () => {
  it('converts day numbers both ways exactly as Date does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -60_000, max: 60_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect([fromDayNumber(day), dayNumber(iso)]).toEqual([iso, day]);
      }),
    );
  });

  it('tells real days from impossible ones', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('20260101')).toBe(false);
  });

  it('draws birth dates that give exactly the asked age on the day, as the domain counts it', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 105 }), (seed, age) => {
        const birth = birthDateForAge(age, '2026-03-01', new Random(seed));
        expect([isRealDate(birth), ageOn(birth, '2026-03-01'), domainAgeOn(birth, '2026-03-01')]).toEqual([
          true,
          age,
          age,
        ]);
      }),
    );
  });
});
