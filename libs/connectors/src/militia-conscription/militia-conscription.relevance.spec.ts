import { householdSnapshot, residentSnapshot } from '../testing/snapshots';
import { militiaConscriptionRelevant } from './militia-conscription.relevance';

const on = new Date(2025, 5, 15, 10, 0);

describe(militiaConscriptionRelevant.name, () => {
  it.each([
    ['62-year-old head', residentSnapshot({ birthDate: '1963-01-20', gender: '1' }), false],
    ['35-year-old spouse', residentSnapshot({ birthDate: '1990-03-02', gender: '2' }), false],
    ['19-year-old son', residentSnapshot({ birthDate: '2006-02-11', gender: '1' }), true],
    ['3-year-old daughter', residentSnapshot({ birthDate: '2022-03-10', gender: '2' }), false],
  ])('covers the issue household: %s → %s', (_label, subject, expected) => {
    expect(militiaConscriptionRelevant(subject, on)).toBe(expected);
  });

  it.each([
    ['17 today, 18 on 31 December', '2007-12-31', true],
    ['17 on 31 December', '2008-01-01', false],
    ['22 on 31 December (23 next year)', '2003-01-01', true],
    ['turns 23 during the year', '2002-12-31', false],
  ])('a man %s → %s', (_label, birthDate, expected) => {
    expect(militiaConscriptionRelevant(residentSnapshot({ gender: '1', birthDate }), on)).toBe(expected);
  });

  it('takes the age on 31 December of the year of `on`, whatever the day', () => {
    const man = residentSnapshot({ gender: '1', birthDate: '2007-12-31' });
    expect(militiaConscriptionRelevant(man, new Date(2025, 0, 1))).toBe(true);
    expect(militiaConscriptionRelevant(man, new Date(2024, 11, 31))).toBe(false);
  });

  it('does not cover women, the deceased, the moved out, or households', () => {
    const son = residentSnapshot({ gender: '1', birthDate: '2006-02-11' });
    expect(militiaConscriptionRelevant({ ...son, gender: '2' }, on)).toBe(false);
    expect(militiaConscriptionRelevant({ ...son, lifeStatus: 'deceased' }, on)).toBe(false);
    expect(militiaConscriptionRelevant({ ...son, residenceStatus: 'moved_out' }, on)).toBe(false);
    expect(militiaConscriptionRelevant(householdSnapshot(), on)).toBe(false);
  });
});
