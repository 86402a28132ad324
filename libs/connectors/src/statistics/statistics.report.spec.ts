import fc from 'fast-check';
import { makeCitizenId, type HouseholdSnapshot, type ResidentSnapshot } from '@hub/domain';
import { householdSnapshot, residentSnapshot } from '../testing/snapshots';
import { communityReport, countedOn, periodCutoff } from './statistics.report';

const HOUSEHOLD = '0b7d2a10-8e44-4d9b-a0a4-2c6f1c3e5b02';
const link = (assistanceType: 'dibao' | null = 'dibao', householdId = HOUSEHOLD) => ({
  householdId,
  householdNo: '320402123',
  relation: '20',
  headResidentId: null,
  assistanceType,
});

/** The issue's household in June 2025: head 62 (grade-2 physical disability, 低保), spouse 35, son 19, daughter 3. */
const issueHousehold = (): { residents: ResidentSnapshot[]; households: HouseholdSnapshot[] } => ({
  residents: [
    residentSnapshot({
      id: 'head',
      birthDate: '1963-01-20',
      gender: '1',
      disability: { type: '4', grade: '2', certificateNo: null },
      household: link(),
    }),
    residentSnapshot({
      id: 'spouse',
      birthDate: '1990-03-02',
      gender: '2',
      employmentStatus: '2',
      household: link(),
    }),
    residentSnapshot({
      id: 'son',
      birthDate: '2006-02-11',
      gender: '1',
      employmentStatus: '5',
      household: link(),
    }),
    residentSnapshot({ id: 'daughter', birthDate: '2022-03-10', gender: '2', household: link() }),
  ],
  households: [householdSnapshot({ id: HOUSEHOLD })],
});

describe(communityReport.name, () => {
  it('counts the issue household', () => {
    const { residents, households } = issueHousehold();
    expect(communityReport(residents, households, '2025-06')).toEqual({
      period: '2025-06',
      households: 1,
      population: 4,
      male: 2,
      female: 2,
      registered: 4,
      floating: 0,
      age0to14: 1,
      age15to59: 2,
      age60plus: 1,
      age80plus: 0,
      disabled: 1,
      dibaoHouseholds: 1,
      dibaoPersons: 4,
      unemployed: 1,
    });
  });

  it('takes ages on the cut-off day: a 60th birthday on the last day of the month counts as 60', () => {
    const born = (birthDate: string) => residentSnapshot({ birthDate, household: null });
    const report = communityReport(
      [born('1965-06-30'), born('1965-07-01'), born('1945-06-30')],
      [],
      '2025-06',
    );
    expect([report.age15to59, report.age60plus, report.age80plus]).toEqual([1, 2, 1]);
  });

  it('counts a resident who died or moved after the cut-off, not one who did so by then', () => {
    const r = (overrides: Partial<ResidentSnapshot>) => residentSnapshot({ household: null, ...overrides });
    const report = communityReport(
      [
        r({ lifeStatus: 'deceased', deathDate: '2025-07-02' }),
        r({ lifeStatus: 'deceased', deathDate: '2025-06-30' }),
        r({ residenceStatus: 'moved_out', movedOutOn: '2025-07-01' }),
        r({ residenceStatus: 'moved_out', movedOutOn: '2025-06-10' }),
        r({ birthDate: '2025-07-01' }),
      ],
      [],
      '2025-06',
    );
    expect(report.population).toBe(2);
  });

  it('keeps floating and overseas residents in the population, and only 低保 in the dibao figures', () => {
    const other = 'a1b2c3d4-0000-4000-8000-000000000001';
    const report = communityReport(
      [
        residentSnapshot({ registrationType: 'floating', household: link(null, other) }),
        residentSnapshot({ registrationType: 'overseas', household: link(null, other) }),
      ],
      [
        householdSnapshot({
          id: other,
          assistance: { type: 'dibao_edge', amount: '0', approvedOn: '2025-01-01' },
        }),
      ],
      '2025-06',
    );
    expect(report).toMatchObject({ population: 2, registered: 0, floating: 1, households: 1 });
    expect(report).toMatchObject({ dibaoHouseholds: 0, dibaoPersons: 0 });
  });

  it('does not count a dissolved household or one whose members are all gone', () => {
    const { residents } = issueHousehold();
    expect(
      communityReport(residents, [householdSnapshot({ id: HOUSEHOLD, status: 'dissolved' })], '2025-06'),
    ).toMatchObject({ households: 0, dibaoHouseholds: 0, dibaoPersons: 0 });
    expect(communityReport([], [householdSnapshot({ id: HOUSEHOLD })], '2025-06').households).toBe(0);
  });

  it('reads an unknown gender from the ID number and refuses a report it cannot make true', () => {
    const female = residentSnapshot({ gender: '0', idNumber: makeCitizenId('320402', '1990-01-01', 22) });
    expect(communityReport([female], [], '2025-06')).toMatchObject({ male: 0, female: 1 });
    expect(() => communityReport([{ ...female, idNumber: null }], [], '2025-06')).toThrow(
      expect.objectContaining({ kind: 'invalid' }) as Error,
    );
  });

  it('accepts the cut-off as a Date', () => {
    const { residents, households } = issueHousehold();
    expect(communityReport(residents, households, '2025-06', new Date(2025, 5, 30, 23, 59))).toEqual(
      communityReport(residents, households, '2025-06'),
    );
  });

  describe('properties', () => {
    const households = ['h1', 'h2', 'h3'];
    const resident = fc
      .record({
        gender: fc.constantFrom('0', '1', '2', '9'),
        sequenceIsMale: fc.boolean(),
        birthDate: fc.date({ min: new Date(1920, 0, 1), max: new Date(2026, 11, 31), noInvalidDate: true }),
        registrationType: fc.constantFrom('registered' as const, 'floating' as const, 'overseas' as const),
        dead: fc.option(
          fc.date({ min: new Date(2024, 0, 1), max: new Date(2026, 11, 31), noInvalidDate: true }),
        ),
        movedOut: fc.option(
          fc.date({ min: new Date(2024, 0, 1), max: new Date(2026, 11, 31), noInvalidDate: true }),
        ),
        disabled: fc.boolean(),
        employmentStatus: fc.constantFrom(null, '1', '2', '3', '4', '5'),
        household: fc.option(fc.constantFrom(...households)),
      })
      .map((r): ResidentSnapshot => {
        const iso = (d: Date) => d.toISOString().slice(0, 10);
        const birthDate = iso(r.birthDate);
        return residentSnapshot({
          gender: r.gender,
          idNumber: makeCitizenId('320402', birthDate, r.sequenceIsMale ? 11 : 12),
          birthDate,
          registrationType: r.registrationType,
          lifeStatus: r.dead ? 'deceased' : 'alive',
          deathDate: r.dead ? iso(r.dead) : null,
          residenceStatus: r.movedOut ? 'moved_out' : 'present',
          movedOutOn: r.movedOut ? iso(r.movedOut) : null,
          disability: r.disabled ? { type: '1', grade: '3', certificateNo: null } : null,
          employmentStatus: r.employmentStatus,
          household: r.household ? link(null, r.household) : null,
        });
      });
    const household = (id: string) =>
      fc.record({ dibao: fc.boolean(), active: fc.boolean() }).map(({ dibao, active }) =>
        householdSnapshot({
          id,
          status: active ? 'active' : 'dissolved',
          assistance: dibao ? { type: 'dibao', amount: '800.00', approvedOn: '2024-01-01' } : null,
        }),
      );
    const input = fc.record({
      residents: fc.array(resident, { maxLength: 40 }),
      households: fc.tuple(...households.map(household)),
      month: fc.integer({ min: 1, max: 12 }),
    });

    it('male + female = population; the age bands sum to population; sub-counts stay within', () => {
      fc.assert(
        fc.property(input, ({ residents, households: hs, month }) => {
          const period = `2025-${String(month).padStart(2, '0')}`;
          const report = communityReport(residents, hs, period);
          expect(report.male + report.female).toBe(report.population);
          expect(report.age0to14 + report.age15to59 + report.age60plus).toBe(report.population);
          expect(report.age80plus).toBeLessThanOrEqual(report.age60plus);
          expect(report.registered + report.floating).toBeLessThanOrEqual(report.population);
          expect(report.dibaoHouseholds).toBeLessThanOrEqual(report.households);
          expect(report.dibaoPersons).toBeGreaterThanOrEqual(report.dibaoHouseholds);
          for (const figure of [report.disabled, report.unemployed, report.dibaoPersons]) {
            expect(figure).toBeLessThanOrEqual(report.population);
          }
          expect(report.population).toBe(residents.filter((r) => countedOn(r, periodCutoff(period))).length);
        }),
      );
    });

    it('is reproducible and independent of the order of its input', () => {
      fc.assert(
        fc.property(input, ({ residents, households: hs }) => {
          const shuffled = [...residents].reverse();
          expect(communityReport(shuffled, [...hs].reverse(), '2025-06')).toEqual(
            communityReport(residents, hs, '2025-06'),
          );
        }),
      );
    });
  });
});

describe(periodCutoff.name, () => {
  it('is the last day of the month, leap years included', () => {
    expect(periodCutoff('2024-02')).toBe('2024-02-29');
    expect(periodCutoff('2025-02')).toBe('2025-02-28');
    expect(periodCutoff('2025-12')).toBe('2025-12-31');
    expect(() => periodCutoff('2025-13')).toThrow();
  });
});
