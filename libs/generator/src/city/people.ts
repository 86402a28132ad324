/**
 * Turns a planned household into people: birth dates, names, ID numbers, where they are
 * registered, whether they are alive, their phones and the statuses departments track.
 */
import { addDays, ageOn, birthDateForAge, dayBetween, yearOf } from '../calendar';
import { HOME_REGIONS, MINORITY_REGIONS, localRegionCode, type CitizenIdAllocator } from '../ids';
import type { Household, LifeStatus, Person } from '../model';
import type { NameOptions } from '../names/han-names';
import { mobile } from '../phones';
import type { Random } from '../random';
import type { HouseholdPlan, MemberPlan } from './household-plan';
import { nameHousehold } from './naming';
import { correctionsOf, disabilityOf, educationOf, employmentOf, pensionOf, politicalOf } from './statuses';

export interface PeopleContext {
  rng: Random;
  reference: string;
  ids: CitizenIdAllocator;
  names: NameOptions;
  /** Share of babies under one year whose birth is not registered yet (no ID number). */
  unregisteredBabyRate: number;
  nextKey(): string;
}

const TOWNS = ['城关镇', '双浮镇', '旧县镇', '李兴镇', '宫集镇', '新集镇', '高庙镇', '马店镇'];
const VILLAGES = ['张庄村', '李楼村', '王营村', '刘湾村', '陈岗村', '杨集村', '赵庄村', '孙圩村'];

/** Where a floating family is registered: its home county, and an address there. */
function homeOf(plan: HouseholdPlan, ethnicity: string, rng: Random): readonly [string, string] {
  const [code, prefix] = MINORITY_REGIONS[ethnicity] ?? rng.pick(HOME_REGIONS);
  const address = `${prefix}${rng.pick(TOWNS)}${rng.pick(VILLAGES)}${rng.int(1, 12)}组${rng.int(1, 80)}号`;
  return [code, plan.registration === 'overseas' ? '' : address];
}

function lifeOf(
  age: number,
  birthDate: string,
  registered: boolean,
  ctx: PeopleContext,
): [LifeStatus, string | null] {
  const deathRate = age >= 60 ? 0.012 + (age - 60) * 0.0025 : 0.0008;
  if (ctx.rng.chance(deathRate)) {
    const earliest = [addDays(ctx.reference, -1095), addDays(birthDate, 1)].sort()[1];
    if (earliest < ctx.reference) return ['dead', dayBetween(earliest, addDays(ctx.reference, -1), ctx.rng)];
  }
  if (registered && age >= 18 && ctx.rng.chance(0.004)) return ['moved', null];
  return ['alive', null];
}

function maritalOf(
  m: MemberPlan,
  plan: HouseholdPlan,
  age: number,
  spouseDead: boolean,
  rng: Random,
): string {
  if (m.spouse !== undefined)
    return spouseDead
      ? '30'
      : rng.weighted([
          ['20', 90],
          ['22', 7],
          ['23', 3],
        ] as const);
  if (plan.kind === 'single-elder')
    return rng.weighted([
      ['30', 80],
      ['40', 10],
      ['10', 10],
    ] as const);
  if (plan.kind === 'single-parent') return rng.chance(0.7) ? '40' : '30';
  if (m.relation === '51' || m.relation === '52') return '30';
  if (age < 30 || m.father !== undefined || m.mother !== undefined) return '10';
  return rng.weighted([
    ['10', 50],
    ['40', 30],
    ['20', 20],
  ] as const);
}

export function buildPeople(plan: HouseholdPlan, household: Household, ctx: PeopleContext): Person[] {
  const { rng, reference } = ctx;
  const births: string[] = [];
  plan.members.forEach((m) =>
    births.push(m.twinOf !== undefined ? births[m.twinOf] : birthDateForAge(m.age, reference, rng)),
  );
  const identities = nameHousehold(plan.members, births, plan.registration, rng, ctx.names);
  const [homeRegion, homeAddress] = homeOf(plan, identities[0].ethnicity, rng);
  const community = household.address.community;
  const people = plan.members.map((m, i): Person => {
    const birthDate = births[i];
    const age = ageOn(birthDate, reference);
    const registered = plan.registration === 'registered';
    const local = registered && (age < 18 || rng.chance(0.75));
    const region = local
      ? localRegionCode(community.districtCode, birthDate)
      : registered
        ? rng.pick(HOME_REGIONS)[0]
        : homeRegion;
    const hasId = plan.registration !== 'overseas' && !(age === 0 && rng.chance(ctx.unregisteredBabyRate));
    const [status, deathDate] =
      plan.registration === 'overseas' ? ['alive' as const, null] : lifeOf(age, birthDate, registered, ctx);
    const employment = employmentOf(
      { age, gender: m.gender, registration: plan.registration, village: community.kind === 'village' },
      rng,
    );
    return {
      key: ctx.nextKey(),
      household,
      relation: m.relation,
      ...identities[i],
      gender: m.gender,
      birthDate,
      idNumber: hasId ? ctx.ids.next(region, birthDate, m.gender) : null,
      registration: plan.registration,
      status,
      deathDate,
      mobile: phoneOwner(age, rng) ? mobile(rng) : null,
      contactPhone: null,
      registeredAddress: registered ? '' : homeAddress,
      education: educationOf(age, yearOf(birthDate), rng),
      political: politicalOf(age, rng),
      marital: '10',
      employment,
      pension: pensionOf(employment, age, rng),
      disability: plan.registration === 'overseas' ? null : disabilityOf(age, rng),
      corrections:
        status === 'alive' && plan.registration !== 'overseas'
          ? correctionsOf(age, m.gender, reference, rng)
          : null,
      veteran: m.gender === '1' && age >= 25 && rng.chance(0.03),
      spouse: null,
      mother: null,
      father: null,
    };
  });
  plan.members.forEach((m, i) => {
    const p = people[i];
    if (m.spouse !== undefined) p.spouse = people[m.spouse];
    if (m.mother !== undefined) p.mother = people[m.mother];
    if (m.father !== undefined) p.father = people[m.father];
    p.marital = maritalOf(m, plan, ageOn(p.birthDate, reference), p.spouse?.status === 'dead', rng);
  });
  return people;
}

/** Nearly every adult has a mobile; few young children and not every very old person. */
function phoneOwner(age: number, rng: Random): boolean {
  if (age < 12) return false;
  if (age < 16) return rng.chance(0.4);
  return rng.chance(age >= 75 ? 0.5 : 0.96);
}
