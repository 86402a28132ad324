import { makeCitizenId } from '@hub/domain';
import type { SourcePerson } from '@hub/matching';
import { address } from './review-people';

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华建国文斌宇浩凯鹏飞玲红梅兰春秋冬雪琳晨阳光辉',
];
const ESTATES = [
  '荷花池新村',
  '西新桥一村',
  '广化新村',
  '南大街小区',
  '怀德苑',
  '清潭二村',
  '花园新村',
  '白云新村',
];
const OTHER_SYSTEMS = [
  'public-health',
  'grid-governance',
  'social-insurance',
  'employment',
  'family-planning',
];
const HOMOPHONES: Record<string, string> = {
  伟: '玮',
  静: '晶',
  军: '君',
  平: '萍',
  明: '鸣',
  芳: '方',
  丽: '莉',
  红: '虹',
};

/** mulberry32: the same residents on every run, so the model learns the same weights. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Residents of another community, each at the police and in each other system with chance 0.35,
 * with the usual slips: no ID number, a homophone, day and month swapped, a stale phone, no
 * address. The matching model learns its weights from the data it resolves; a handful of
 * hand-made records alone gives it nothing to learn from (an equal ID number weighed 3 bits).
 */
export function backgroundPopulation(persons: number, community: string, seed = 7): SourcePerson[] {
  const random = sequence(seed);
  const below = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[below(items.length)];
  const chance = (p: number) => random() < p;
  const records: SourcePerson[] = [];
  const used = new Set<string>();
  for (let i = 0; i < persons; i++) {
    const gender = i % 2 === 0 ? '1' : '2';
    const name = pick(SURNAMES) + pick(GIVEN) + (chance(0.6) ? pick(GIVEN) : '');
    const birthDate = `${1940 + below(70)}-${pad(1 + below(12))}-${pad(1 + below(28))}`;
    let id: string;
    do id = makeCitizenId('320404', birthDate, below(500) * 2 + (gender === '1' ? 1 : 0));
    while (used.has(id));
    used.add(id);
    const phone = `13${below(10)}${String(below(1e8)).padStart(8, '0')}`;
    const home = address(
      '钟楼区',
      pick(ESTATES),
      String(1 + below(20)),
      String(1 + below(4)),
      `${1 + below(6)}0${1 + below(3)}`,
    );
    const systems = ['police-population', ...OTHER_SYSTEMS.filter(() => chance(0.35))];
    for (const system of systems) {
      const exact = system === 'police-population';
      const withoutId = !exact && chance(0.2);
      const characters = [...name];
      const last = characters.length - 1;
      if (!exact && chance(0.08) && HOMOPHONES[characters[last]])
        characters[last] = HOMOPHONES[characters[last]];
      const [year, month, day] = birthDate.split('-');
      const swapped = !exact && chance(0.04) && Number(day) <= 12 && day !== month;
      records.push({
        system,
        recordId: `BG-${i}-${system}`,
        idNumberRaw: withoutId ? null : id,
        idNumber: withoutId ? null : id,
        idValid: !withoutId,
        name: characters.join(''),
        gender,
        birthDate: swapped ? `${year}-${day}-${month}` : birthDate,
        phone: chance(0.35) ? null : chance(0.1) ? `139${String(below(1e8)).padStart(8, '0')}` : phone,
        address: chance(0.25) ? null : home,
        attributes: { communityCode: community },
      });
    }
  }
  return records;
}
