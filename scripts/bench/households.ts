import { DISTRICTS, makeCitizenId } from '@hub/domain';

/** One member as POST /api/households takes it (only the fields the bench fills). */
export interface BenchMember {
  idNumber: string;
  name: string;
  gender: '1' | '2';
  ethnicity: '01';
  birthDate: string;
  registrationType: 'registered';
  relation: string;
  phone?: string;
  maritalStatus?: string;
  education?: string;
}

export interface BenchHousehold {
  type: 'family';
  address: { estate: string; building: string; unit: string; room: string };
  members: BenchMember[];
}

const REGIONS = Object.keys(DISTRICTS);
const DAY_MS = 86_400_000;
/** Head birth dates are spread over 30 years of days, so the head is 40–70 years old. */
const SPAN_DAYS = 30 * 365;
/**
 * Each role owns a third of the 0–999 sequence range, so two roles can never produce the same
 * number even when they share a region and a birth date.
 */
const ROLE_SEQUENCE_BASE = { head: 0, spouse: 334, child: 666 } as const;
const SEQUENCE_SLOTS = 166;
/** Distinct (day, region, sequence slot) triples: the number of households before IDs repeat. */
export const HOUSEHOLD_CAPACITY = SPAN_DAYS * REGIONS.length * SEQUENCE_SLOTS;

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈',
];
const GIVEN = [
  ...'建国秀英明红伟芳军丽强敏静磊洋艳勇杰娟涛超霞平刚桂兰华玉文志海燕春梅晨宇浩然欣怡子涵梓轩思雨',
];
/** Estates of the worker's community, as the benches' addresses name them. */
export const ESTATES = [
  '青龙苑',
  '红梅新村',
  '丽华新村',
  '翠竹新村',
  '兰陵小区',
  '清潭新村',
  '花园新村',
  '富都小区',
];

// "Today" at midnight UTC: ages are far from any boundary, so the time zone does not matter here.
const TODAY_MS = Date.UTC(new Date().getFullYear(), new Date().getMonth(), new Date().getDate());
const HEAD_ANCHOR_MS = TODAY_MS - (40 * 365 + 11) * DAY_MS;

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const nameFor = (surname: string, n: number): string =>
  surname + GIVEN[n % GIVEN.length] + (n % 3 === 0 ? '' : GIVEN[Math.floor(n / GIVEN.length) % GIVEN.length]);

/**
 * The i-th household: a head of 40–70, a spouse two years younger, a child born when the head
 * was 25. Every ID number and every address is unique for i < HOUSEHOLD_CAPACITY, so a run can
 * register households without ever hitting the duplicate-ID refusal.
 */
export function benchHousehold(i: number): BenchHousehold {
  if (!Number.isInteger(i) || i < 0 || i >= HOUSEHOLD_CAPACITY) throw new RangeError(`household index ${i}`);
  const day = i % SPAN_DAYS;
  const region = REGIONS[Math.floor(i / SPAN_DAYS) % REGIONS.length];
  const slot = Math.floor(i / (SPAN_DAYS * REGIONS.length));
  const headBirthMs = HEAD_ANCHOR_MS - day * DAY_MS;
  // The same day offset shifted by a constant keeps each role's birth dates distinct per i.
  const spouseBirthMs = headBirthMs + 730 * DAY_MS;
  const childBirthMs = headBirthMs + 9131 * DAY_MS;
  const headGender: '1' | '2' = i % 2 === 0 ? '1' : '2';
  const spouseGender: '1' | '2' = headGender === '1' ? '2' : '1';
  const childGender: '1' | '2' = Math.floor(i / 2) % 2 === 0 ? '1' : '2';
  const idFor = (role: keyof typeof ROLE_SEQUENCE_BASE, birthMs: number, gender: '1' | '2'): string =>
    // An odd last sequence digit means male (GB 11643).
    makeCitizenId(region, isoDay(birthMs), ROLE_SEQUENCE_BASE[role] + 2 * slot + (gender === '1' ? 1 : 0));
  const surname = SURNAMES[i % SURNAMES.length];
  const rest = Math.floor(i / ESTATES.length);
  return {
    type: 'family',
    address: {
      estate: ESTATES[i % ESTATES.length],
      building: String(Math.floor(rest / 400) + 1),
      unit: String((Math.floor(rest / 100) % 4) + 1),
      room: `${Math.floor((rest % 100) / 4) + 1}0${(rest % 4) + 1}`,
    },
    members: [
      {
        idNumber: idFor('head', headBirthMs, headGender),
        name: nameFor(surname, i),
        gender: headGender,
        ethnicity: '01',
        birthDate: isoDay(headBirthMs),
        registrationType: 'registered',
        relation: '02',
        phone: `139${String(i % 100_000_000).padStart(8, '0')}`,
        maritalStatus: '20',
      },
      {
        idNumber: idFor('spouse', spouseBirthMs, spouseGender),
        name: nameFor(SURNAMES[(i + 7) % SURNAMES.length], i + 11),
        gender: spouseGender,
        ethnicity: '01',
        birthDate: isoDay(spouseBirthMs),
        registrationType: 'registered',
        relation: '10',
        maritalStatus: '20',
      },
      {
        idNumber: idFor('child', childBirthMs, childGender),
        name: nameFor(surname, i + 23),
        gender: childGender,
        ethnicity: '01',
        birthDate: isoDay(childBirthMs),
        registrationType: 'registered',
        relation: childGender === '1' ? '20' : '30',
        education: '60',
      },
    ],
  };
}
