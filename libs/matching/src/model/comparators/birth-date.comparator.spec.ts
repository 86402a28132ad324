import { parseBirthDate } from '../prepared-person';
import { compareBirthDates } from './birth-date.comparator';

const levelOf = (a: string | null, b: string | null) =>
  compareBirthDates(parseBirthDate(a), parseBirthDate(b));

describe(compareBirthDates.name, () => {
  it.each([
    ['1990-03-05', '1990-03-05', 'equal'],
    ['1990-03-05', '1990-05-03', 'swapped'],
    ['1990-03-00', '1990-03-17', 'same-month'],
    ['1990-03-00', '1990-03-00', 'same-month'],
    ['1990-03-00', '1991-03-00', 'near'],
    ['1990-03-05', '1990-03-08', 'near'],
    ['1990-03-05', '1980-03-05', 'near'],
    ['1990-12-25', '1991-01-10', 'near'],
    ['1990-03-05', '1990-07-22', 'different'],
    ['1990-03-00', '1988-07-00', 'different'],
    ['1990-03-05', null, 'missing'],
    ['1990-02-30', '1990-02-30', 'missing'],
  ])('%s vs %s is %s', (a, b, level) => {
    expect(levelOf(a, b)).toBe(level);
  });

  it('does not call a date swapped with itself when day equals month', () => {
    expect(levelOf('1990-04-04', '1990-04-04')).toBe('equal');
  });
});
