import { residentSnapshot } from '../testing/snapshots';
import { ISSUE_DAY, issueResidents } from '../testing/issue-household';
import { issueHousehold } from '../testing/issue-household';
import { isAgingServicesRelevant } from './aging-services.relevance';

describe(isAgingServicesRelevant.name, () => {
  it.each([
    ['the 62-year-old head', issueResidents.head, true],
    ['the 35-year-old spouse', issueResidents.spouse, false],
    ['the 19-year-old son', issueResidents.son, false],
    ['the 3-year-old daughter', issueResidents.daughter, false],
    ['the household itself', issueHousehold, false],
    ['someone turning 60 that day', residentSnapshot({ birthDate: '1965-09-01' }), true],
    ['someone turning 60 the next day', residentSnapshot({ birthDate: '1965-09-02' }), false],
    ['a deceased elder', { ...issueResidents.head, lifeStatus: 'deceased' }, false],
    ['an elder who moved out', { ...issueResidents.head, residenceStatus: 'moved_out' }, false],
    ['a floating elder', { ...issueResidents.head, registrationType: 'floating' }, true],
  ] as const)('%s → %s', (_label, subject, expected) => {
    expect(isAgingServicesRelevant(subject, ISSUE_DAY)).toBe(expected);
  });

  it('takes someone born on 29 February as 60 on 1 March of a common year', () => {
    const leapling = residentSnapshot({ birthDate: '1964-02-29' });
    expect(isAgingServicesRelevant(leapling, new Date('2024-02-28T12:00:00+08:00'))).toBe(false);
    expect(isAgingServicesRelevant(leapling, new Date('2024-02-29T12:00:00+08:00'))).toBe(true);
    const commonYear = residentSnapshot({ birthDate: '1963-02-28' });
    expect(isAgingServicesRelevant(commonYear, new Date('2023-02-28T12:00:00+08:00'))).toBe(true);
  });
});
