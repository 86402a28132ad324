import { householdSnapshot, residentSnapshot } from '../testing/snapshots';
import { ISSUE_DAY, issueHousehold, issueResidents } from '../testing/issue-household';
import { isRelevantToPolice } from './police-population.relevance';

describe(isRelevantToPolice.name, () => {
  it.each(Object.entries(issueResidents))('covers everyone in the issue household: %s', (_role, resident) => {
    expect(isRelevantToPolice(resident, ISSUE_DAY)).toBe(true);
  });

  it('covers floating residents and residents without an ID number (their push is refused)', () => {
    expect(isRelevantToPolice(residentSnapshot({ registrationType: 'floating' }), ISSUE_DAY)).toBe(true);
    expect(isRelevantToPolice(residentSnapshot({ idNumber: null }), ISSUE_DAY)).toBe(true);
  });

  it.each([
    ['the dead', residentSnapshot({ lifeStatus: 'deceased', deathDate: '2025-08-01' })],
    ['the moved-out', residentSnapshot({ residenceStatus: 'moved_out', movedOutOn: '2025-08-01' })],
    [
      'overseas residents (kept in another police system)',
      residentSnapshot({ registrationType: 'overseas' }),
    ],
    ['households (members carry HH and YHZGX)', issueHousehold],
    ['a default household', householdSnapshot()],
  ])('does not cover %s', (_label, subject) => {
    expect(isRelevantToPolice(subject, ISSUE_DAY)).toBe(false);
  });
});
