/**
 * Han names as people in 常州 carry them: surnames weighted roughly by their local frequency,
 * given-name characters that follow the fashion of the birth decade, and the few full names so
 * common that every city has hundreds of them (张伟, 王芳, 李娜).
 */
import type { Gender } from '../model';
import type { Random } from '../random';

export const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ...[
    ['王', 80],
    ['张', 70],
    ['陈', 65],
    ['李', 55],
    ['刘', 45],
    ['周', 45],
    ['徐', 40],
    ['朱', 35],
  ],
  ...[
    ['吴', 35],
    ['孙', 25],
    ['杨', 25],
    ['胡', 20],
    ['黄', 20],
    ['沈', 20],
    ['钱', 18],
    ['蒋', 18],
  ],
  ...[
    ['顾', 15],
    ['许', 15],
    ['汤', 12],
    ['恽', 6],
    ['庄', 10],
    ['盛', 8],
    ['史', 8],
    ['薛', 8],
  ],
  ...[
    ['邹', 8],
    ['承', 4],
    ['赵', 15],
    ['马', 10],
    ['高', 10],
    ['郭', 8],
    ['何', 8],
    ['林', 8],
  ],
  ...[
    ['罗', 6],
    ['谢', 8],
    ['唐', 8],
    ['曹', 8],
    ['袁', 6],
    ['邓', 5],
    ['冯', 6],
    ['丁', 8],
  ],
  ...[
    ['陆', 12],
    ['姚', 8],
    ['潘', 8],
    ['戴', 8],
    ['任', 5],
    ['葛', 6],
    ['范', 6],
    ['彭', 5],
  ],
  ...[
    ['欧阳', 1],
    ['司马', 0.5],
    ['诸葛', 0.3],
    ['上官', 0.3],
  ],
] as const;

type Pools = Readonly<Record<Gender, string>>;

/** Given-name characters by birth decade (the fashion shifts: 建国 → 伟 → 浩宇 → 梓涵). */
const ERAS: ReadonlyArray<readonly [number, Pools]> = [
  [1960, { '1': '国建华明强军德志福荣金根生林文庆春兴才良忠', '2': '秀英兰珍凤玉芳桂美华梅琴娣花云素淑' }],
  [1980, { '1': '伟军勇斌峰涛辉刚明健强磊波杰东华林平卫', '2': '红丽燕霞萍敏静玲芳娟英琴梅艳华慧' }],
  [2000, { '1': '伟磊杰鹏浩涛俊宇强洋晨凯飞航', '2': '婷丽静敏娜燕倩雪琳颖婧莉芳佳慧蕾' }],
  [9999, { '1': '子浩宇轩睿泽梓俊博晨辰逸航铭', '2': '欣怡梓涵雨萱诗可馨思佳悦琪彤' }],
] as const;

/** The namesakes: so common that matching on the name alone is worthless. */
export const COMMON_NAMES: Pools = {
  '1': '张伟 王伟 李伟 刘伟 李强 王磊 张勇 李军 王勇 张杰 王军 张磊 张涛 王涛 李明 李勇 王超 刘洋 陈杰 张军',
  '2': '王芳 李娜 张敏 李静 王静 张丽 王秀英 李秀英 张秀英 王丽 张静 王敏 王艳 王娟 李娟 张艳 李艳 刘芳 陈静 王娜',
};
const commonNames = { '1': COMMON_NAMES['1'].split(' '), '2': COMMON_NAMES['2'].split(' ') };

/**
 * Characters outside GBK that parents do choose (通用规范汉字表 additions), each with the GBK
 * character of the same sound that old GBK systems hold instead.
 */
export const RARE_CHARACTERS: ReadonlyArray<readonly [string, string]> = [
  ...[
    ['㛃', '洁'],
    ['𬱖', '迪'],
    ['𫍯', '贤'],
    ['𬭚', '春'],
    ['𬘬', '倩'],
    ['𬀩', '伟'],
    ['𫖮', '怡'],
  ],
  ...[
    ['𬍛', '丽'],
    ['𬬱', '金'],
    ['𬒗', '兰'],
    ['𬭎', '宏'],
    ['𬣙', '旭'],
    ['𬟽', '东'],
    ['𬩽', '勋'],
  ],
] as const;

export const pickSurname = (rng: Random): string => rng.weighted(SURNAMES);

function poolFor(birthDate: string, gender: Gender): string {
  const year = Number(birthDate.slice(0, 4));
  const era = ERAS.find(([until]) => year < until) ?? ERAS[ERAS.length - 1];
  return era[1][gender];
}

export interface NameOptions {
  /** Chance of one of the very common full names (the surname is then theirs). */
  commonNameRate: number;
  /** Chance of a character outside GBK in the given name. */
  rareCharacterRate: number;
}

export interface HanName {
  surname: string;
  given: string;
}

export function hanGivenName(birthDate: string, gender: Gender, rng: Random, options: NameOptions): string {
  const pool = [...poolFor(birthDate, gender)];
  const singleCharacter = Number(birthDate.slice(0, 4)) < 1995 ? 0.3 : 0.1;
  let given = rng.pick(pool);
  if (!rng.chance(singleCharacter)) given += rng.pick(pool);
  if (rng.chance(options.rareCharacterRate)) {
    const [rare] = rng.pick(RARE_CHARACTERS);
    given = given.length === 1 ? rare : given[0] + rare;
  }
  return given;
}

/**
 * A Han name. `surname` is null for someone who brings their own (a head, a spouse): a very
 * common full name may then be drawn whole. A child keeps the family surname and can only get a
 * common name that goes with it (王 + 伟).
 */
export function hanName(
  surname: string | null,
  birthDate: string,
  gender: Gender,
  rng: Random,
  options: NameOptions,
): HanName {
  if (rng.chance(options.commonNameRate)) {
    const fitting = commonNames[gender].filter((full) => surname === null || full[0] === surname);
    if (fitting.length > 0) {
      const full = rng.pick(fitting);
      return { surname: full[0], given: full.slice(1) };
    }
  }
  return { surname: surname ?? pickSurname(rng), given: hanGivenName(birthDate, gender, rng, options) };
}
