import { residentSnapshot, householdSnapshot } from '../testing/snapshots';
import { isPublicHealthRelevant } from './public-health.relevance';

const on = new Date('2026-11-27T10:00:00+08:00');

describe(isPublicHealthRelevant.name, () => {
  // The household: 62-year-old head (grade-2 physical disability, 低保), 35-year-old
  // spouse, 19-year-old son, 3-year-old daughter. Every one of them has a health archive.
  it.each([
    [
      'head, 62, disabled, 低保',
      { birthDate: '1964-03-15', disability: { type: '4', grade: '2', certificateNo: null } },
    ],
    ['spouse, 35', { birthDate: '1991-07-02', gender: '2' }],
    ['son, 19', { birthDate: '2007-05-10' }],
    ['daughter, 3', { birthDate: '2023-02-01', gender: '2' }],
    ['a floating resident', { registrationType: 'floating' as const }],
  ])('covers %s', (_label, overrides) => {
    expect(isPublicHealthRelevant(residentSnapshot(overrides), on)).toBe(true);
  });

  it('does not cover the dead (their archive is ended)', () => {
    expect(
      isPublicHealthRelevant(residentSnapshot({ lifeStatus: 'deceased', deathDate: '2026-11-01' }), on),
    ).toBe(false);
  });

  it('still covers the moved-out (an archive follows the person)', () => {
    expect(
      isPublicHealthRelevant(
        residentSnapshot({ residenceStatus: 'moved_out', movedOutOn: '2026-11-01' }),
        on,
      ),
    ).toBe(true);
  });

  it('does not cover households', () => {
    expect(isPublicHealthRelevant(householdSnapshot(), on)).toBe(false);
  });
});
