import fc from 'fast-check';
import { ageOn, chinaToday } from './age';

describe(ageOn.name, () => {
  it.each([
    ['1960-05-10', '2020-05-09', 59],
    ['1960-05-10', '2020-05-10', 60],
    ['1960-05-10', '2020-12-31', 60],
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
    ['2000-02-29', '2004-02-29', 4],
    ['2020-01-01', '2020-01-01', 0],
    ['2020-01-02', '2020-01-01', -1],
  ])('born %s is %i on %s', (birthDate, on, age) => {
    expect(ageOn(birthDate, on)).toBe(age);
  });

  it('reads a Date in local time', () => {
    expect(ageOn('1960-05-10', new Date(2020, 4, 10, 0, 0, 1))).toBe(60);
    expect(ageOn('1960-05-10', new Date(2020, 4, 9, 23, 59, 59))).toBe(59);
  });

  it('refuses dates that do not exist', () => {
    expect(() => ageOn('1960-02-30', '2020-01-01')).toThrow(RangeError);
    expect(() => ageOn('1960-01-01', '2020-13-01')).toThrow(RangeError);
  });

  it('grows by exactly one each year on the same day', () => {
    const day = fc
      .date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2090-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 9 }), (birthDate, years) => {
        if (birthDate.endsWith('02-29')) return;
        const year = Number(birthDate.slice(0, 4)) + years;

        expect(ageOn(birthDate, `${year}${birthDate.slice(4)}`)).toBe(years);
      }),
    );
  });
});

describe('chinaToday', () => {
  it('is already tomorrow in Beijing before 08:00 there, whatever the UTC date says', () => {
    expect(chinaToday(new Date('2026-12-07T21:40:00Z'))).toBe('2026-12-08');
    expect(chinaToday(new Date('2026-12-07T15:59:59Z'))).toBe('2026-12-07');
    expect(chinaToday(new Date('2026-12-07T16:00:00Z'))).toBe('2026-12-08');
  });
});
