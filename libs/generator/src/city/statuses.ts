/**
 * The statuses departments track, drawn consistently with age and circumstances: education and
 * political status, employment and pension, disability certificates, community corrections.
 * Rates are rough figures for an eastern Chinese city, not statistics.
 */
import { addDays, dayBetween } from '../calendar';
import type { Corrections, Disability, Gender, PensionStatus, RegistrationType } from '../model';
import type { Random } from '../random';

type Weights = ReadonlyArray<readonly [string, number]>;

/** GB/T 4658 highest level reached, by birth cohort (adults). */
const EDUCATION_BY_COHORT: ReadonlyArray<readonly [number, Weights]> = [
  [
    1970,
    [
      ['20', 5],
      ['30', 5],
      ['41', 8],
      ['60', 20],
      ['70', 35],
      ['80', 22],
      ['90', 5],
    ],
  ],
  [
    1990,
    [
      ['14', 2],
      ['20', 15],
      ['30', 15],
      ['41', 10],
      ['44', 2],
      ['60', 24],
      ['70', 28],
      ['80', 4],
    ],
  ],
  [
    9999,
    [
      ['11', 1],
      ['14', 5],
      ['20', 30],
      ['30', 25],
      ['41', 6],
      ['44', 2],
      ['47', 2],
      ['60', 15],
      ['70', 14],
    ],
  ],
] as const;

export function educationOf(age: number, birthYear: number, rng: Random): string | null {
  if (age < 7) return null;
  if (age < 13) return '80';
  if (age < 16) return '70';
  if (age < 19) return rng.chance(0.8) ? '70' : '41';
  if (age < 23)
    return rng.weighted([
      ['60', 60],
      ['41', 15],
      ['44', 5],
      ['47', 5],
      ['70', 15],
    ] as const);
  const cohort = EDUCATION_BY_COHORT.find(([until]) => birthYear < until) ?? EDUCATION_BY_COHORT[2];
  return rng.weighted(cohort[1]);
}

/** GB/T 4762: 共青团员 while young, a few party members, the rest 群众. */
export function politicalOf(age: number, rng: Random): string {
  if (age >= 14 && age <= 28 && rng.chance(0.45)) return '03';
  if (age >= 18 && rng.chance(0.08)) return rng.chance(0.9) ? '01' : '02';
  if (age >= 30 && rng.chance(0.005)) return rng.pick(['04', '05', '06', '07', '08', '09', '10', '12']);
  return '13';
}

export interface WorkFacts {
  age: number;
  gender: Gender;
  registration: RegistrationType;
  village: boolean;
}

/** Hub EMPLOYMENT_STATUS: students at 16-25, retirement at 60 (men) or 50-55 (women). */
export function employmentOf(f: WorkFacts, rng: Random): string | null {
  if (f.age < 16) return null;
  if (f.registration === 'overseas') return '1';
  const student = f.age <= 18 ? 0.9 : f.age <= 22 ? 0.55 : f.age <= 25 ? 0.1 : 0;
  if (rng.chance(student)) return '5';
  const retired =
    f.gender === '1'
      ? f.age >= 60 || (f.age >= 55 && rng.chance(0.1))
      : f.age >= 55 || (f.age >= 50 && rng.chance(0.5));
  if (retired) return f.village && rng.chance(0.6) ? null : '4';
  return rng.weighted([
    ['1', 75],
    ['2', 8],
    ['3', 17],
  ] as const);
}

/** Employee scheme for most of the employed and the retired; the residents' scheme for the rest. */
export function pensionOf(employment: string | null, age: number, rng: Random): PensionStatus {
  if (age < 16) return 'none';
  if ((employment === '1' && rng.chance(0.85)) || (employment === '4' && rng.chance(0.85))) return 'employee';
  if (employment === '3' && rng.chance(0.5)) return 'employee';
  if (age >= 60) return 'receiving';
  return rng.chance(0.82) ? 'paying' : 'suspended';
}

/** GB/T 26341 type and grade; about 2 % of the people hold a certificate, more of the old. */
export function disabilityOf(age: number, rng: Random): Disability | null {
  const rate = age < 18 ? 0.005 : age < 60 ? 0.015 : age < 80 ? 0.045 : 0.09;
  if (!rng.chance(rate)) return null;
  const type = rng.weighted([
    ['4', 45],
    ['1', 12],
    ['2', 12],
    ['3', 2],
    ['5', 9],
    ['6', 10],
    ['7', 10],
  ] as const);
  const grade = rng.weighted([
    ['1', 10],
    ['2', 20],
    ['3', 30],
    ['4', 40],
  ] as const);
  const previousGrade = rng.chance(0.12) ? String(((Number(grade) + rng.int(0, 2)) % 4) + 1) : null;
  return { type, grade, previousGrade: previousGrade === grade ? null : previousGrade };
}

const TERM_DAYS: Readonly<Record<Corrections['type'], readonly [number, number]>> = {
  '1': [90, 730],
  '2': [365, 1825],
  '3': [180, 1095],
  '4': [180, 730],
};

/**
 * Community corrections: rare, mostly men of working age. Some terms are running on the
 * reference day, some ended within the year before (the system then says 解矫).
 */
export function correctionsOf(
  age: number,
  gender: Gender,
  reference: string,
  rng: Random,
): Corrections | null {
  if (age < 18 || age > 70) return null;
  const rate = gender === '1' ? 0.0016 : 0.0003;
  if (!rng.chance(rate)) return null;
  const type = rng.weighted([
    ['2', 80],
    ['3', 10],
    ['4', 8],
    ['1', 2],
  ] as const);
  const [min, max] = TERM_DAYS[type];
  const days = rng.int(min, max);
  const running = rng.chance(0.65);
  const end = running
    ? dayBetween(reference, addDays(reference, days - 1), rng)
    : dayBetween(addDays(reference, -365), addDays(reference, -1), rng);
  return { type, start: addDays(end, -days), end };
}
