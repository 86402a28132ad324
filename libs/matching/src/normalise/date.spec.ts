import fc from 'fast-check';
import { normaliseDate } from './date';

describe(normaliseDate.name, () => {
  it.each([
    ['19630510', '1963-05-10'],
    ['1963-05-10', '1963-05-10'],
    ['1963/5/10', '1963-05-10'],
    ['1963.5.10', '1963-05-10'],
    ['1963年5月10日', '1963-05-10'],
    ['1963年5月10', '1963-05-10'],
    [' １９６３－０５－１０ ', '1963-05-10'],
    ['1990-02-01T00:00:00.000Z', '1990-02-01'],
    ['2025-06-14 09:30:12', '2025-06-14'],
    [19630510, '1963-05-10'],
    [new Date(Date.UTC(2006, 2, 1)), '2006-03-01'],
    ['2004.03', '2004-03-00'],
    ['2004-03', '2004-03-00'],
    ['2004.3', '2004-03-00'],
    ['2004年3月', '2004-03-00'],
    ['200403', '2004-03-00'],
    ['2004-03-00', '2004-03-00'],
    ['2024-02-29', '2024-02-29'],
  ])('normalises %j to %j', (raw, date) => {
    expect(normaliseDate(raw)).toBe(date);
  });

  it.each([
    [''],
    ['2023-02-29'],
    ['1990-13-01'],
    ['1990-00-10'],
    ['1990-01-32'],
    ['0990-01-01'],
    ['2004.13'],
    ['not a date'],
    ['1990'],
    [new Date(Number.NaN)],
    [null],
    [{}],
  ])('gives null for %j', (raw) => {
    expect(normaliseDate(raw)).toBeNull();
  });

  it('is idempotent', () => {
    const dateLike = fc.stringMatching(/^\d{4}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?$/);
    fc.assert(
      fc.property(
        fc.oneof(
          dateLike,
          fc.string(),
          fc.date().map((d) => d.toISOString()),
        ),
        (raw) => {
          const once = normaliseDate(raw);

          expect(normaliseDate(once)).toBe(once);
        },
      ),
    );
  });

  it('reads every real date back in each of the departments’ spellings', () => {
    const day = fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(day, (d) => {
        const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const iso = d.toISOString().slice(0, 10);

        expect(normaliseDate(iso.replace(/-/g, ''))).toBe(iso);
        expect(normaliseDate(`${y}/${m}/${dd}`)).toBe(iso);
        expect(normaliseDate(`${y}年${m}月${dd}日`)).toBe(iso);
        expect(normaliseDate(new Date(Date.UTC(y, m - 1, dd)))).toBe(iso);
      }),
    );
  });
});
