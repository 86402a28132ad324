import { makeCitizenId } from '@hub/domain';
import { benchHousehold, type BenchHousehold, type BenchMember } from './households';

/** A member with what the departments need to accept them (employment, political status, tags). */
type FanoutMember = BenchMember & {
  employmentStatus: string;
  politicalStatus: string;
  disability?: { type: string; grade: string };
};

export interface FanoutHousehold extends Omit<BenchHousehold, 'address' | 'members'> {
  address: BenchHousehold['address'] & { gridCode: string };
  members: FanoutMember[];
  assistance?: { type: 'dibao'; amount: string; approvedOn: string };
}

/**
 * benchHousehold's IDs use sequences 0–997 of each (region, birth date); the second child takes
 * 998/999 (odd = male) on a birth date no other second child shares, so IDs stay unique.
 */
const SECOND_CHILD_SEQUENCE = 998;
const SECOND_CHILD_OFFSET_DAYS = 3 * 365;
const DAY_MS = 86_400_000;

const ageOf = (birthDate: string): number => {
  const born = new Date(`${birthDate}T00:00:00Z`);
  const now = new Date();
  let age = now.getUTCFullYear() - born.getUTCFullYear();
  if (now.getUTCMonth() * 100 + now.getUTCDate() < born.getUTCMonth() * 100 + born.getUTCDate()) age -= 1;
  return age;
};

/** What a community worker would record, so that no department refuses the person. */
function employmentFor(gender: string, age: number): string {
  if (age < 16) return '5';
  if (age >= (gender === '1' ? 60 : 55)) return '4';
  return '1';
}

function complete(m: BenchMember): FanoutMember {
  const age = ageOf(m.birthDate);
  return {
    ...m,
    employmentStatus: employmentFor(m.gender, age),
    politicalStatus: age <= 28 ? '03' : '13',
  };
}

/**
 * The i-th household of the fan-out bench: benchHousehold's family with 2–4 members (a quarter
 * without the child, a quarter with a second one), on a grid cell of the worker's community,
 * one head in ten disabled and one household in ten on 低保 — so every department gets work.
 */
export function fanoutHousehold(i: number, community: string): FanoutHousehold {
  const base = benchHousehold(i);
  const members = base.members.map(complete);
  const [head, spouse, child] = members;
  if (i % 10 === 3) head.disability = { type: '4', grade: '2' };
  let list = members;
  if (i % 4 === 1) list = [head, spouse];
  else if (i % 4 === 2) {
    const birthMs = Date.parse(`${child.birthDate}T00:00:00Z`) + SECOND_CHILD_OFFSET_DAYS * DAY_MS;
    const gender: '1' | '2' = child.gender === '1' ? '2' : '1';
    const birthDate = new Date(birthMs).toISOString().slice(0, 10);
    const idNumber = makeCitizenId(
      child.idNumber.slice(0, 6),
      birthDate,
      SECOND_CHILD_SEQUENCE + (gender === '1' ? 1 : 0),
    );
    list = [
      ...members,
      complete({
        ...child,
        idNumber,
        name: `${child.name.slice(0, 1)}小${child.name.slice(-1)}`,
        gender,
        birthDate,
        relation: gender === '1' ? '20' : '30',
      }),
    ];
  }
  return {
    ...base,
    address: { ...base.address, gridCode: `${community}001` },
    members: list,
    ...(i % 10 === 7 ? { assistance: { type: 'dibao', amount: '900', approvedOn: '2025-06-01' } } : {}),
  };
}
