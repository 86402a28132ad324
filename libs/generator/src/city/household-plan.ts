/**
 * The shape of a household before anyone has a name: who lives together, their relation to the
 * head (GB/T 4761), gender, age and kinship. Shares follow an ageing eastern Chinese city: many
 * nuclear families, empty nests and elders alone, three generations under one roof, and a
 * floating population of young workers.
 */
import type { Gender, HouseholdKind, RegistrationType } from '../model';
import type { Random } from '../random';

export interface MemberPlan {
  relation: string;
  gender: Gender;
  age: number;
  /** Indexes into the plan's members. */
  spouse?: number;
  father?: number;
  mother?: number;
  /** Twins share the birthday of this member. */
  twinOf?: number;
  /** Takes the surname of this member (a grandparent, when the parents live elsewhere). */
  surnameFrom?: number;
}

export interface HouseholdPlan {
  kind: HouseholdKind;
  registration: RegistrationType;
  members: MemberPlan[];
}

export const HOUSEHOLD_KINDS: ReadonlyArray<readonly [HouseholdKind, number]> = [
  ...[
    ['nuclear', 30],
    ['young-couple', 6],
    ['empty-nest', 13],
    ['middle-couple', 8],
  ],
  ...[
    ['three-generation', 11],
    ['skip-generation', 2],
    ['single-elder', 8],
    ['single-adult', 8],
  ],
  ...[
    ['single-parent', 3],
    ['floating-family', 6],
    ['floating-single', 4],
    ['collective', 1.5],
  ],
  ...[['overseas', 0.2]],
] as const;

const other = (gender: Gender): Gender => (gender === '1' ? '2' : '1');
const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n));

/** Husband and wife (or wife and husband when she heads the household), the head first. */
function couple(rng: Random, headAge: number, headRelation = '02'): MemberPlan[] {
  const headGender: Gender = rng.chance(0.8) ? '1' : '2';
  const gap = rng.int(-1, 4);
  const spouseAge = clamp(headGender === '1' ? headAge - gap : headAge + gap, 20, 100);
  const spouseRelation = rng.chance(0.8) ? '10' : headGender === '1' ? '12' : '11';
  return [
    { relation: headRelation, gender: headGender, age: headAge, spouse: 1 },
    { relation: spouseRelation, gender: other(headGender), age: spouseAge, spouse: 0 },
  ];
}

function motherAndFather(members: MemberPlan[], a: number, b: number): { mother: number; father: number } {
  return members[a].gender === '2' ? { mother: a, father: b } : { mother: b, father: a };
}

/** Children born when the mother (or the single parent) was 22-34; sometimes twins. */
function addChildren(
  rng: Random,
  members: MemberPlan[],
  parents: { mother?: number; father?: number },
  count: number,
  relations: { son: string; daughter: string } = { son: '20', daughter: '30' },
): void {
  const motherAge = members[parents.mother ?? parents.father ?? 0].age;
  for (let i = 0; i < count; i++) {
    const gender: Gender = rng.chance(0.51) ? '1' : '2';
    const relation = gender === '1' ? relations.son : relations.daughter;
    const previous = members[members.length - 1];
    if (i > 0 && rng.chance(0.03)) {
      members.push({ relation, gender, age: previous.age, ...parents, twinOf: members.length - 1 });
      continue;
    }
    // A mother too young for another child simply has fewer.
    const age = motherAge - rng.int(22, 34);
    if (age < 0) return;
    members.push({ relation, gender, age: Math.min(age, 30), ...parents });
  }
}

const childCount = (rng: Random): number =>
  rng.weighted([
    [1, 55],
    [2, 40],
    [3, 5],
  ] as const);

function nuclear(rng: Random, headAge: number): MemberPlan[] {
  const members = couple(rng, headAge);
  addChildren(rng, members, motherAndFather(members, 0, 1), childCount(rng));
  return members;
}

/** Either the middle generation heads it (with parents 51/52) or the eldest (son 20, 儿媳 38). */
function threeGenerations(rng: Random): MemberPlan[] {
  if (rng.chance(0.5)) {
    const members = couple(rng, rng.int(28, 50));
    const head = members[0];
    const fatherAge = head.age + rng.int(23, 32);
    if (rng.chance(0.6)) {
      head.father = 2;
      head.mother = 3;
      members.push({ relation: '51', gender: '1', age: fatherAge, spouse: 3 });
      members.push({ relation: '52', gender: '2', age: fatherAge - rng.int(0, 4), spouse: 2 });
    } else if (rng.chance(0.7)) {
      head.mother = 2;
      members.push({ relation: '52', gender: '2', age: fatherAge - rng.int(0, 4) });
    } else {
      head.father = 2;
      members.push({ relation: '51', gender: '1', age: fatherAge });
    }
    addChildren(rng, members, motherAndFather(members, 0, 1), rng.chance(0.7) ? 1 : 2);
    return members;
  }
  const elder = rng.int(55, 80);
  const members: MemberPlan[] = [
    { relation: '02', gender: '1', age: elder, spouse: 1 },
    { relation: '10', gender: '2', age: elder - rng.int(0, 4), spouse: 0 },
  ];
  const sonAge = clamp(members[1].age - rng.int(23, 32), 22, 60);
  members.push({ relation: '20', gender: '1', age: sonAge, father: 0, mother: 1, spouse: 3 });
  members.push({ relation: '38', gender: '2', age: clamp(sonAge - rng.int(-1, 4), 20, 60), spouse: 2 });
  addChildren(rng, members, { father: 2, mother: 3 }, rng.chance(0.7) ? 1 : 2, { son: '41', daughter: '42' });
  return members;
}

/** Grandparents raising grandchildren whose parents work elsewhere (留守儿童). */
function skipGeneration(rng: Random): MemberPlan[] {
  const members: MemberPlan[] = rng.chance(0.7)
    ? [
        { relation: '02', gender: '1', age: rng.int(55, 75), spouse: 1 },
        { relation: '10', gender: '2', age: rng.int(53, 73), spouse: 0 },
      ]
    : [{ relation: '02', gender: '2', age: rng.int(55, 78) }];
  const count = rng.chance(0.7) ? 1 : 2;
  for (let i = 0; i < count; i++) {
    const gender: Gender = rng.chance(0.5) ? '1' : '2';
    members.push({ relation: gender === '1' ? '41' : '42', gender, age: rng.int(3, 15), surnameFrom: 0 });
  }
  return members;
}

function singleParent(rng: Random): MemberPlan[] {
  const gender: Gender = rng.chance(0.75) ? '2' : '1';
  const members: MemberPlan[] = [{ relation: '02', gender, age: rng.int(28, 50) }];
  addChildren(rng, members, gender === '2' ? { mother: 0 } : { father: 0 }, rng.chance(0.7) ? 1 : 2);
  return members;
}

function collective(rng: Random): MemberPlan[] {
  return Array.from({ length: rng.int(3, 8) }, (_, i): MemberPlan => ({
    relation: i === 0 ? '02' : '99',
    gender: rng.chance(0.65) ? '1' : '2',
    age: rng.int(18, 45),
  }));
}

export function planHousehold(rng: Random): HouseholdPlan {
  const kind = rng.weighted(HOUSEHOLD_KINDS);
  const registration: RegistrationType =
    kind.startsWith('floating') || kind === 'collective'
      ? 'floating'
      : kind === 'overseas'
        ? 'overseas'
        : 'registered';
  return { kind, registration, members: membersOf(kind, rng) };
}

function membersOf(kind: HouseholdKind, rng: Random): MemberPlan[] {
  switch (kind) {
    case 'nuclear':
      return nuclear(rng, rng.int(26, 58));
    case 'young-couple':
      return couple(rng, rng.int(22, 38));
    case 'empty-nest':
      return couple(rng, rng.int(60, 88));
    case 'middle-couple':
      return couple(rng, rng.int(45, 62));
    case 'three-generation':
      return threeGenerations(rng);
    case 'skip-generation':
      return skipGeneration(rng);
    case 'single-elder':
      return [
        {
          relation: '02',
          gender: rng.chance(0.65) ? '2' : '1',
          age: Math.min(100, 60 + Math.floor(rng.next() ** 1.6 * 40)),
        },
      ];
    case 'single-adult':
      return [{ relation: '02', gender: rng.chance(0.55) ? '1' : '2', age: rng.int(20, 59) }];
    case 'single-parent':
      return singleParent(rng);
    case 'floating-family': {
      const members = couple(rng, rng.int(22, 45));
      addChildren(
        rng,
        members,
        motherAndFather(members, 0, 1),
        rng.weighted([
          [0, 30],
          [1, 50],
          [2, 20],
        ] as const),
      );
      return members;
    }
    case 'floating-single':
      return [{ relation: '02', gender: rng.chance(0.6) ? '1' : '2', age: rng.int(18, 45) }];
    case 'collective':
      return collective(rng);
    case 'overseas':
      return rng.chance(0.4)
        ? couple(rng, rng.int(25, 55))
        : [{ relation: '02', gender: '1', age: rng.int(25, 55) }];
  }
}
