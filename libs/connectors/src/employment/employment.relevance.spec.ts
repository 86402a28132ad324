import { ISSUE_DAY, issueHousehold, issueResidents } from '../testing/issue-household';
import { residentSnapshot } from '../testing/snapshots';
import { isRelevantToEmployment } from './employment.relevance';

const on = new Date('2025-09-01T10:00:00+08:00');

describe(isRelevantToEmployment.name, () => {
  it.each([
    ['head, 62: past working age', issueResidents.head, false],
    ['spouse, 35', issueResidents.spouse, true],
    ['son, 19', issueResidents.son, true],
    ['son, 19, a student', { ...issueResidents.son, employmentStatus: '5' }, false],
    ['daughter, 3', issueResidents.daughter, false],
    ['the household itself', issueHousehold, false],
  ])('issue household: %s → %s', (_label, subject, expected) => {
    expect(isRelevantToEmployment(subject, ISSUE_DAY)).toBe(expected);
  });

  it.each([
    ['a man the day he turns 16', '1', '2009-09-01', true],
    ['a man the day before he turns 16', '1', '2009-09-02', false],
    ['a man of 59', '1', '1965-09-02', true],
    ['a man the day he turns 60', '1', '1965-09-01', false],
    ['a woman of 54', '2', '1970-09-02', true],
    ['a woman the day she turns 55', '2', '1970-09-01', false],
  ])('%s', (_label, gender, birthDate, expected) => {
    expect(isRelevantToEmployment(residentSnapshot({ gender, birthDate }), on)).toBe(expected);
  });

  it('reads an unknown gender (9) from the ID number', () => {
    const woman = residentSnapshot({ gender: '2', birthDate: '1968-01-01' });
    expect(isRelevantToEmployment({ ...woman, gender: '9' }, on)).toBe(false);
    expect(isRelevantToEmployment({ ...woman, gender: '9', idNumber: null }, on)).toBe(false);
  });

  it.each([
    ['retired (jyzt 4)', { employmentStatus: '4' }],
    ['dead', { lifeStatus: 'deceased' as const }],
    ['moved out', { residenceStatus: 'moved_out' as const }],
    ['overseas', { registrationType: 'overseas' as const }],
  ])('does not cover the %s', (_label, overrides) => {
    expect(isRelevantToEmployment(residentSnapshot({ birthDate: '1990-01-01', ...overrides }), on)).toBe(
      false,
    );
  });

  it('covers floating residents and unknown employment status', () => {
    const floating = residentSnapshot({ birthDate: '1990-01-01', registrationType: 'floating' });
    expect(isRelevantToEmployment(floating, on)).toBe(true);
  });
});
