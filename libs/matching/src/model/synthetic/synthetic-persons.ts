import { makeCitizenId } from '@hub/domain';
import type { ParsedAddress } from '../../source-person';
import { chance, integer, pick, type Random } from '../seeded-random';

/** One true person of a synthetic population, as the police would hold them. */
export interface TruePerson {
  name: string;
  gender: '1' | '2';
  birthDate: string;
  id: string;
  phone: string | null;
  address: ParsedAddress;
  /** Index of the household's adult woman, whose number a clinic may have used for a baby. */
  mother: number | null;
}

/** Common surnames several times over, so 王/李/张 dominate as they do in 常州. */
const SURNAMES = [...'王王王李李李张张张刘刘陈陈杨黄赵吴周徐孙朱胡钟'.split(''), '欧阳'];
const GIVEN = [...'伟玮芳娜敏静晶丽强磊军君洋勇艳杰娟涛明超霞平萍刚华俊馗'.split(''), '秀英', '建国', '桂英'];
const ESTATES = [
  '红梅新村',
  '清潭新村',
  '花园新村',
  '永红新村',
  '丽华新村',
  '兰陵小区',
  '蓝天小区',
  '北港新村',
];
const DISTRICTS = ['天宁区', '钟楼区', '新北区'];
const REGIONS = ['320402', '320404', '320411', '320412', '321081'];

type Draft = Omit<TruePerson, 'id'>;

/** Households of one to five sharing an address and often a phone; some with twins. */
export function syntheticPersons(random: Random, count: number): TruePerson[] {
  const persons: TruePerson[] = [];
  const usedIds = new Set<string>();
  while (persons.length < count) {
    const address = randomAddress(random);
    const phone = chance(random, 0.7) ? randomPhone(random) : null;
    const surname = pick(random, SURNAMES);
    const headYear = integer(random, 1940, 1995);
    const drafts: Draft[] = [
      draft(random, surname, '1', headYear, phone, address),
      draft(random, pick(random, SURNAMES), '2', headYear + integer(random, -3, 3), phone, address),
    ].slice(0, chance(random, 0.25) ? 1 : 2);
    const motherIndex = drafts.length === 2 ? persons.length + 1 : null;
    const children = integer(random, 0, 2);
    for (let c = 0; c < children; c++) {
      const child = draft(
        random,
        surname,
        pick(random, ['1', '2'] as const),
        headYear + integer(random, 22, 35),
        phone,
        address,
      );
      drafts.push({ ...child, mother: motherIndex });
      if (c === 0 && chance(random, 0.1)) {
        // Twins: same surname, birthday, address and phone; only the given name and ID differ.
        drafts.push({ ...child, name: differentName(random, surname, child.name), mother: motherIndex });
      }
    }
    for (const d of drafts) persons.push({ ...d, id: uniqueId(random, d, usedIds) });
  }
  return persons.slice(0, count);
}

function draft(
  random: Random,
  surname: string,
  gender: '1' | '2',
  year: number,
  phone: string | null,
  address: ParsedAddress,
): Draft {
  const [month, day] = [integer(random, 1, 12), integer(random, 1, 28)];
  const birthDate = `${Math.min(year, 2024)}-${pad(month)}-${pad(day)}`;
  const ownPhone = chance(random, 0.5) ? randomPhone(random) : phone;
  return { name: surname + givenName(random), gender, birthDate, phone: ownPhone, address, mother: null };
}

function givenName(random: Random): string {
  return pick(random, GIVEN) + (chance(random, 0.6) ? pick(random, GIVEN) : '');
}

function differentName(random: Random, surname: string, avoid: string): string {
  for (;;) {
    const name = surname + givenName(random);
    if (name !== avoid) return name;
  }
}

function uniqueId(random: Random, person: Draft, used: Set<string>): string {
  for (;;) {
    const sequence = integer(random, 0, 499) * 2 + (person.gender === '1' ? 1 : 0);
    const id = makeCitizenId(pick(random, REGIONS), person.birthDate, sequence);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

function randomAddress(random: Random): ParsedAddress {
  const estateIndex = integer(random, 0, ESTATES.length - 1);
  const [building, unit] = [String(integer(random, 1, 30)), String(integer(random, 1, 4))];
  const room = `${integer(random, 1, 18)}0${integer(random, 1, 4)}`;
  const [district, estate] = [DISTRICTS[estateIndex % DISTRICTS.length], ESTATES[estateIndex]];
  const text = `常州市${district}${estate}${building}幢${unit}单元${room}室`;
  return { district, street: null, estate, building, unit, room, text };
}

function randomPhone(random: Random): string {
  return `1${pick(random, ['3', '5', '8'])}${String(integer(random, 0, 999_999_999)).padStart(9, '0')}`;
}

const pad = (n: number): string => String(n).padStart(2, '0');
