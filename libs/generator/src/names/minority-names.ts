/**
 * Ethnicity (GB/T 3304) and the names that go with it. Most minorities in the city carry Han-style
 * names; Uyghur and Kazakh names are a given name and the father's given name joined by a middle
 * dot (阿依古丽·买买提), which departments write with whatever dot their keyboard offers.
 */
import type { Gender } from '../model';
import type { Random } from '../random';

export const NAME_DOT = '·';

/** Registered residents are almost all Han; the floating population brings more minorities. */
export const REGISTERED_ETHNICITIES: ReadonlyArray<readonly [string, number]> = [
  ...[
    ['01', 985],
    ['03', 4],
    ['11', 3],
    ['06', 2],
    ['15', 2],
    ['08', 1],
    ['02', 1],
    ['05', 1],
  ],
] as const;
export const FLOATING_ETHNICITIES: ReadonlyArray<readonly [string, number]> = [
  ...[
    ['01', 930],
    ['05', 12],
    ['17', 3],
    ['06', 12],
    ['15', 10],
    ['08', 8],
    ['09', 6],
    ['07', 5],
  ],
  ...[
    ['03', 8],
    ['11', 3],
    ['02', 3],
  ],
] as const;

const DOTTED_GIVEN: Readonly<Record<string, Readonly<Record<Gender, readonly string[]>>>> = {
  '05': {
    '1': [
      '买买提',
      '艾力',
      '吐尔逊',
      '艾合买提',
      '热合曼',
      '伊力哈木',
      '阿里木',
      '库尔班',
      '艾尔肯',
      '努尔买买提',
    ],
    '2': [
      '阿依古丽',
      '古丽娜尔',
      '热依拉',
      '米热古丽',
      '帕提古丽',
      '努尔古丽',
      '阿依努尔',
      '迪丽努尔',
      '再努尔',
    ],
  },
  '17': {
    '1': ['叶尔兰', '努尔兰', '哈力木', '别克', '达吾列提', '叶尔江'],
    '2': ['阿依达娜', '古丽米拉', '阿克托娅', '加娜尔', '莎吾列'],
  },
};

export const hasDottedNames = (ethnicity: string): boolean => ethnicity in DOTTED_GIVEN;

export function dottedGivenName(ethnicity: string, gender: Gender, rng: Random): string {
  return rng.pick(DOTTED_GIVEN[ethnicity][gender]);
}

/** 阿依古丽·买买提: own given name, then the father's. */
export function dottedName(given: string, fatherGiven: string): string {
  return `${given}${NAME_DOT}${fatherGiven}`;
}
