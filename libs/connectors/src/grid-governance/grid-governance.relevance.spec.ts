import { householdSnapshot, residentSnapshot } from '../testing/snapshots';
import { focusTagsOf } from './grid-governance.focus-tags';
import { isGridGovernanceRelevant } from './grid-governance.relevance';

const on = new Date('2026-11-27T10:00:00+08:00');
const dibao = { household: { ...residentSnapshot().household!, assistanceType: 'dibao' as const } };

// The issue's household: 62-year-old head (grade-2 physical disability, 低保), 35-year-old
// spouse, 19-year-old son, 3-year-old daughter. The platform covers all four (and the house).
const issueHousehold = {
  head: residentSnapshot({
    birthDate: '1964-03-15',
    disability: { type: '4', grade: '2', certificateNo: null },
    livingStatus: 'with_children',
    childrenCount: 2,
    ...dibao,
  }),
  spouse: residentSnapshot({ birthDate: '1991-07-02', gender: '2', ...dibao }),
  son: residentSnapshot({ birthDate: '2007-05-10', ...dibao }),
  daughter: residentSnapshot({ birthDate: '2023-02-01', gender: '2', ...dibao }),
};

describe(isGridGovernanceRelevant.name, () => {
  it.each(Object.entries(issueHousehold))('covers the %s of the issue household', (_who, resident) => {
    expect(isGridGovernanceRelevant(resident, on)).toBe(true);
  });

  it('covers the household, as a house', () => {
    expect(isGridGovernanceRelevant(householdSnapshot(), on)).toBe(true);
  });

  it.each([
    ['the dead', residentSnapshot({ lifeStatus: 'deceased' })],
    ['the moved-out', residentSnapshot({ residenceStatus: 'moved_out' })],
    [
      'a resident outside any grid cell',
      residentSnapshot({ currentAddress: { ...residentSnapshot().currentAddress!, gridCode: null } }),
    ],
    ['a resident with no current address', residentSnapshot({ currentAddress: null })],
    ['a dissolved household', householdSnapshot({ status: 'dissolved' })],
  ])('does not cover %s', (_label, subject) => {
    expect(isGridGovernanceRelevant(subject, on)).toBe(false);
  });
});

describe(focusTagsOf.name, () => {
  it('tags the issue household: the head is 残疾人 and 低保户, the others 低保户 only', () => {
    expect(focusTagsOf(issueHousehold.head, on)).toEqual(['残疾人', '低保户']);
    expect(focusTagsOf(issueHousehold.spouse, on)).toEqual(['低保户']);
    expect(focusTagsOf(issueHousehold.daughter, on)).toEqual(['低保户']);
  });

  it.each([
    ['60 today, alone', { birthDate: '1966-11-27', livingStatus: 'alone' }, ['独居老人']],
    ['59, alone', { birthDate: '1966-11-28', livingStatus: 'alone' }, []],
    [
      '70, with spouse, no child at home',
      { birthDate: '1956-01-01', livingStatus: 'with_spouse' },
      ['空巢老人'],
    ],
    [
      '70, with spouse and a child at home',
      { birthDate: '1956-01-01', livingStatus: 'with_spouse', childrenCount: 1 },
      [],
    ],
    ['70, in an institution', { birthDate: '1956-01-01', livingStatus: 'institution' }, []],
  ])('%s → %j', (_label, overrides, tags) => {
    expect(focusTagsOf(residentSnapshot(overrides), on)).toEqual(tags);
  });

  it('tags only 低保, not 低保边缘 or 特困', () => {
    for (const assistanceType of ['dibao_edge', 'tekun'] as const) {
      const resident = residentSnapshot({ household: { ...residentSnapshot().household!, assistanceType } });
      expect(focusTagsOf(resident, on)).toEqual([]);
    }
  });
});
