import { ISSUE_DAY, issueHousehold, issueResidents } from '../testing/issue-household';
import { residentSnapshot } from '../testing/snapshots';
import { isRelevantToSocialInsurance } from './social-insurance.relevance';

const on = new Date('2025-09-01T10:00:00+08:00');

describe(isRelevantToSocialInsurance.name, () => {
  it.each([
    ['head, 62 (pensioners stay)', issueResidents.head, true],
    ['spouse, 35', issueResidents.spouse, true],
    ['son, 19', issueResidents.son, true],
    ['daughter, 3', issueResidents.daughter, false],
    ['spouse, in employee insurance', { ...issueResidents.spouse, pensionStatus: 'employee' }, false],
    ['the household itself', issueHousehold, false],
  ])('issue household: %s → %s', (_label, subject, expected) => {
    expect(isRelevantToSocialInsurance(subject, ISSUE_DAY)).toBe(expected);
  });

  it.each([
    ['the day of the 16th birthday', '2009-09-01', true],
    ['the day before it', '2009-09-02', false],
  ])('age boundary: %s', (_label, birthDate, expected) => {
    expect(isRelevantToSocialInsurance(residentSnapshot({ birthDate }), on)).toBe(expected);
  });

  it.each([
    ['dead', { lifeStatus: 'deceased' as const }],
    ['moved out', { residenceStatus: 'moved_out' as const }],
    ['overseas', { registrationType: 'overseas' as const }],
  ])('does not cover the %s', (_label, overrides) => {
    expect(isRelevantToSocialInsurance(residentSnapshot(overrides), on)).toBe(false);
  });

  it('covers floating residents and every non-employee pension status', () => {
    for (const pensionStatus of [null, 'none', 'paying', 'suspended', 'terminated', 'receiving']) {
      expect(
        isRelevantToSocialInsurance(residentSnapshot({ pensionStatus, registrationType: 'floating' }), on),
      ).toBe(true);
    }
  });
});
