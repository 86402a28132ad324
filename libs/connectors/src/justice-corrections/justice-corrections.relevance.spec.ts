import { householdSnapshot, residentSnapshot } from '../testing/snapshots';
import { isJusticeCorrectionsRelevant, localDay } from './justice-corrections.relevance';

const on = new Date('2026-11-27T10:00:00+08:00');
const term = (start: string, end: string) => ({ corrections: { type: '2', start, end } });

describe(isJusticeCorrectionsRelevant.name, () => {
  // The household: nobody is under corrections, so the system covers none of them.
  it.each([
    [
      'head, 62, disabled, 低保',
      { birthDate: '1964-03-15', disability: { type: '4', grade: '2', certificateNo: null } },
    ],
    ['spouse, 35', { birthDate: '1991-07-02', gender: '2' }],
    ['son, 19', { birthDate: '2007-05-10' }],
    ['daughter, 3', { birthDate: '2023-02-01', gender: '2' }],
  ])('does not cover the issue household: %s', (_label, overrides) => {
    expect(isJusticeCorrectionsRelevant(residentSnapshot(overrides), on)).toBe(false);
  });

  it.each([
    ['a running term', term('2026-01-01', '2027-01-01'), true],
    ['a term ending today (the end day counts)', term('2026-01-01', '2026-11-27'), true],
    ['a decided term that starts later', term('2026-12-01', '2027-12-01'), true],
    ['a term that ended yesterday', term('2025-11-27', '2026-11-26'), false],
  ])('%s → %s', (_label, overrides, expected) => {
    expect(isJusticeCorrectionsRelevant(residentSnapshot(overrides), on)).toBe(expected);
  });

  it.each([
    ['dead', { lifeStatus: 'deceased' as const }],
    ['moved out', { residenceStatus: 'moved_out' as const }],
  ])('does not cover someone %s during a term', (_label, overrides) => {
    const subject = residentSnapshot({ ...term('2026-01-01', '2027-01-01'), ...overrides });
    expect(isJusticeCorrectionsRelevant(subject, on)).toBe(false);
  });

  it('does not cover households', () => {
    expect(isJusticeCorrectionsRelevant(householdSnapshot(), on)).toBe(false);
  });

  it('takes the day in local time (the hub runs in Asia/Shanghai), not UTC', () => {
    expect(localDay(new Date(2026, 10, 27, 0, 30))).toBe('2026-11-27');
  });
});
