import { makeCitizenId } from '@hub/domain';
import { householdSnapshot, residentSnapshot } from '../testing/snapshots';
import { familyPlanningRelevant } from './family-planning.relevance';

const on = new Date(2025, 5, 15, 10, 0);
const wifeId = makeCitizenId('320402', '1990-03-02', 22);
const headId = makeCitizenId('320402', '1963-01-20', 13);

/** The household on 2025-06-15. */
const household = {
  head: residentSnapshot({
    idNumber: headId,
    birthDate: '1963-01-20',
    gender: '1',
    maritalStatus: '20',
    spouseIdNumber: wifeId,
    childrenCount: 2,
    disability: { type: '4', grade: '2', certificateNo: `${headId}42` },
  }),
  spouse: residentSnapshot({
    idNumber: wifeId,
    birthDate: '1990-03-02',
    gender: '2',
    maritalStatus: '20',
    spouseIdNumber: headId,
    childrenCount: 2,
  }),
  son: residentSnapshot({ birthDate: '2006-02-11', gender: '1', maritalStatus: '10' }),
  daughter: residentSnapshot({ birthDate: '2022-03-10', gender: '2', maritalStatus: null }),
};

describe(familyPlanningRelevant.name, () => {
  it.each([
    ['62-year-old head, husband of a 35-year-old', household.head, true],
    ['35-year-old spouse', household.spouse, true],
    ['19-year-old son', household.son, false],
    ['3-year-old daughter', household.daughter, true],
  ])('covers the issue household: %s → %s', (_label, subject, expected) => {
    expect(familyPlanningRelevant(subject, on)).toBe(expected);
  });

  it.each([
    ['a woman on her 15th birthday', { gender: '2', birthDate: '2010-06-15' }, true],
    ['a girl the day before her 15th birthday, aged 14', { gender: '2', birthDate: '2010-06-16' }, false],
    ['a woman aged 49 on the day before her 50th birthday', { gender: '2', birthDate: '1975-06-16' }, true],
    ['a woman on her 50th birthday', { gender: '2', birthDate: '1975-06-15' }, false],
    ['a boy the day before his 7th birthday', { gender: '1', birthDate: '2018-06-16' }, true],
    ['a boy on his 7th birthday', { gender: '1', birthDate: '2018-06-15' }, false],
    ['a newborn born that day', { gender: '1', birthDate: '2025-06-15' }, true],
    ['a birth date after the day (not born yet)', { gender: '2', birthDate: '2025-06-16' }, false],
    ['an unmarried man of 30', { gender: '1', birthDate: '1995-01-01', maritalStatus: '10' }, false],
  ])('%s → %s', (_label, overrides, expected) => {
    expect(familyPlanningRelevant(residentSnapshot(overrides), on)).toBe(expected);
  });

  describe('the spouse of a woman 15-49, by her ID number', () => {
    const husband = (overrides = {}) =>
      residentSnapshot({ gender: '1', birthDate: '1980-01-01', maritalStatus: '20', ...overrides });

    it('covers him while she is 15-49 and no longer once she turns 50', () => {
      const wife = makeCitizenId('320402', '1975-06-16', 24);
      expect(familyPlanningRelevant(husband({ spouseIdNumber: wife }), on)).toBe(true);
      expect(familyPlanningRelevant(husband({ spouseIdNumber: wife }), new Date(2025, 5, 16))).toBe(false);
    });

    it('reads legacy 15-digit and lower-case numbers', () => {
      const legacy = '320402850101002';
      expect(familyPlanningRelevant(husband({ spouseIdNumber: legacy }), on)).toBe(true);
      expect(familyPlanningRelevant(husband({ spouseIdNumber: '32040220000101' + '0000' }), on)).toBe(false);
    });

    it('ignores a spouse number that is his own, fails its check, or is a man', () => {
      const own = makeCitizenId('320402', '1990-01-01', 11);
      expect(familyPlanningRelevant(husband({ idNumber: own, spouseIdNumber: own }), on)).toBe(false);
      const mistyped = wifeId.slice(0, 17) + (wifeId[17] === '1' ? '2' : '1');
      expect(familyPlanningRelevant(husband({ spouseIdNumber: mistyped }), on)).toBe(false);
      const man = makeCitizenId('320402', '1990-01-01', 15);
      expect(familyPlanningRelevant(husband({ spouseIdNumber: man }), on)).toBe(false);
    });

    it('ignores the number when he is recorded as divorced or widowed', () => {
      expect(familyPlanningRelevant(husband({ spouseIdNumber: wifeId, maritalStatus: '40' }), on)).toBe(
        false,
      );
      expect(familyPlanningRelevant(husband({ spouseIdNumber: wifeId, maritalStatus: '30' }), on)).toBe(
        false,
      );
    });
  });

  it('does not cover the deceased, the moved out, or households', () => {
    const dead = { ...household.spouse, lifeStatus: 'deceased' as const, deathDate: '2025-06-01' };
    const gone = { ...household.spouse, residenceStatus: 'moved_out' as const, movedOutOn: '2025-06-01' };
    expect(familyPlanningRelevant(dead, on)).toBe(false);
    expect(familyPlanningRelevant(gone, on)).toBe(false);
    expect(familyPlanningRelevant(householdSnapshot(), on)).toBe(false);
  });
});
