/**
 * The synthetic city, one household at a time: community by community, each household gets a
 * dwelling, its people and its household-level facts (户号, landline, assistance). Nothing is
 * kept once a household has been handed on, so the city's size does not bound memory.
 */
import { addDays, ageOn, dayBetween } from '../calendar';
import { DwellingAllocator, formerAddress, fullAddress } from '../addresses';
import { communityQuotas, gridCodeFor } from '../geography';
import { CitizenIdAllocator } from '../ids';
import type { Assistance, Household, Person } from '../model';
import { landline } from '../phones';
import { Random } from '../random';
import { planHousehold, type HouseholdPlan } from './household-plan';
import { buildPeople, type PeopleContext } from './people';

export interface CityOptions {
  people: number;
  seed: number;
  /** `yyyy-MM-dd`: ages, terms and statuses are as on this day. */
  reference: string;
  /** Community codes to fill (default: spread over the city). */
  communities?: readonly string[];
}

/** Drops members beyond `size` and every link to them (the last household must fit the count). */
function trimmed(plan: HouseholdPlan, size: number): HouseholdPlan {
  if (plan.members.length <= size) return plan;
  const keep = (index: number | undefined): number | undefined =>
    index !== undefined && index < size ? index : undefined;
  const members = plan.members.slice(0, size).map((m) => ({
    ...m,
    spouse: keep(m.spouse),
    father: keep(m.father),
    mother: keep(m.mother),
    twinOf: keep(m.twinOf),
    surnameFrom: keep(m.surnameFrom),
  }));
  return { ...plan, members };
}

export function* generateHouseholds(options: CityOptions): Generator<Household> {
  const rng = new Random(options.seed, 'city');
  let personSerial = 0;
  let householdSerial = 0;
  let registeredSerial = 0;
  const ctx: PeopleContext = {
    rng,
    reference: options.reference,
    ids: new CitizenIdAllocator(),
    names: { commonNameRate: 0.015, rareCharacterRate: 0.003 },
    unregisteredBabyRate: 0.35,
    nextKey: () => `P${String(++personSerial).padStart(7, '0')}`,
  };
  for (const { community, people } of communityQuotas(options.people, options.communities)) {
    const dwellings = new DwellingAllocator(
      community,
      new Random(options.seed, `dwellings:${community.code}`),
    );
    for (let remaining = people; remaining > 0;) {
      const plan = trimmed(planHousehold(rng), remaining);
      const address = dwellings.next();
      const household: Household = {
        serial: householdSerial++,
        kind: plan.kind,
        // 户号: 9 digits, here the district's last digit and a city-wide serial.
        number:
          plan.registration === 'registered'
            ? `${community.districtCode.slice(5)}${String(++registeredSerial).padStart(8, '0')}`
            : '',
        address,
        gridCode: gridCodeFor(community, address.building),
        members: [],
        landline: null,
        assistance: null,
      };
      household.members = buildPeople(plan, household, ctx);
      completeHousehold(household, rng, options.reference);
      remaining -= household.members.length;
      yield household;
    }
  }
}

function completeHousehold(household: Household, rng: Random, reference: string): void {
  const { members } = household;
  const hasOlder = members.some((p) => ageOn(p.birthDate, reference) >= 55);
  if (household.kind !== 'collective' && rng.chance(hasOlder ? 0.35 : 0.1))
    household.landline = landline(rng);
  const firstMobile = members.find((p) => p.mobile)?.mobile ?? null;
  for (const p of members) {
    p.contactPhone = p.mobile ?? p.mother?.mobile ?? p.father?.mobile ?? household.landline ?? firstMobile;
    if (p.registration === 'registered') {
      // 人户分离: a few are registered at an address they no longer live at.
      p.registeredAddress = fullAddress(rng.chance(0.05) ? formerAddress(rng) : household.address);
    }
  }
  household.assistance = assistanceOf(household, rng, reference);
}

/** 低保 / 低保边缘 / 特困: registered families, more often the old living alone, the disabled, single parents. */
function assistanceOf(household: Household, rng: Random, reference: string): Assistance | null {
  if (household.number === '' || household.kind === 'collective') return null;
  const living = household.members.filter((p) => p.status === 'alive');
  const head = living.find((p) => ageOn(p.birthDate, reference) >= 18 && p.idNumber);
  if (!head) return null;
  const vulnerable = household.kind === 'single-elder' || household.kind === 'single-parent';
  const disabled = living.some((p) => p.disability);
  if (!rng.chance(disabled ? 0.08 : vulnerable ? 0.05 : 0.012)) return null;
  const alone = living.length === 1 && (ageOn(head.birthDate, reference) >= 60 || disabled);
  const type = alone && rng.chance(0.3) ? 'tekun' : rng.chance(0.75) ? 'dibao' : 'dibao_edge';
  const perPerson = (p: Person): number =>
    (type === 'dibao' ? rng.int(300, 1130) : rng.int(200, 500)) + (p.disability ? 100 : 0);
  const base = type === 'tekun' ? 1469 + rng.int(0, 800) : living.reduce((sum, p) => sum + perPerson(p), 0);
  const monthlyAmount = rng.chance(0.8) ? base : base + 0.5;
  return {
    type,
    monthlyAmount,
    approvedOn: dayBetween(addDays(reference, -8 * 365), addDays(reference, -7), rng),
    status: rng.chance(0.08) ? 'ended' : 'active',
  };
}
