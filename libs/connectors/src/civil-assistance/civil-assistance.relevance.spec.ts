import { ISSUE_DAY, issueHousehold, issueResidents } from '../testing/issue-household';
import { isCivilAssistanceRelevant } from './civil-assistance.relevance';

describe(isCivilAssistanceRelevant.name, () => {
  it.each([
    ['the issue household (低保)', issueHousehold, true],
    [
      'a household on 低保边缘',
      { ...issueHousehold, assistance: { ...issueHousehold.assistance!, type: 'dibao_edge' } },
      true,
    ],
    [
      'a household on 特困',
      { ...issueHousehold, assistance: { ...issueHousehold.assistance!, type: 'tekun' } },
      true,
    ],
    ['a household without assistance', { ...issueHousehold, assistance: null }, false],
    ['a dissolved household', { ...issueHousehold, status: 'dissolved' }, false],
    ['the head as a resident (households only)', issueResidents.head, false],
    ['the spouse as a resident', issueResidents.spouse, false],
    ['the son as a resident', issueResidents.son, false],
    ['the daughter as a resident', issueResidents.daughter, false],
  ] as const)('%s → %s', (_label, subject, expected) => {
    expect(isCivilAssistanceRelevant(subject, ISSUE_DAY)).toBe(expected);
  });
});
