import { ISSUE_DAY, issueHousehold, issueResidents } from '../testing/issue-household';
import { isDisabilityRelevant } from './disability.relevance';

describe(isDisabilityRelevant.name, () => {
  it.each([
    ['the head (grade-2 physical disability)', issueResidents.head, true],
    ['the spouse', issueResidents.spouse, false],
    ['the son', issueResidents.son, false],
    ['the daughter', issueResidents.daughter, false],
    ['the household itself', issueHousehold, false],
    [
      'a child with a certificate',
      { ...issueResidents.daughter, disability: { type: '5', grade: '1', certificateNo: null } },
      true,
    ],
    ['the head after his death', { ...issueResidents.head, lifeStatus: 'deceased' }, false],
    ['the head after moving away', { ...issueResidents.head, residenceStatus: 'moved_out' }, false],
    ['the head after the tag is removed', { ...issueResidents.head, disability: null }, false],
  ] as const)('%s → %s', (_label, subject, expected) => {
    expect(isDisabilityRelevant(subject, ISSUE_DAY)).toBe(expected);
  });
});
