/**
 * Where the synthetic people live: the city's real districts and streets, its (seed) list of
 * communities, and estates invented per community from the community's code, so the same
 * community always has the same estates whatever the seed.
 */
import { COMMUNITIES, DISTRICTS, STREETS, gridCellsFor } from '@hub/database/seed/geography';
import type { Community } from './model';
import { Random } from './random';

/** About this many residents per community in a small city; 1M people fill all 859. */
const PEOPLE_PER_COMMUNITY = 1150;
export const GRIDS_PER_COMMUNITY = 6;

const ESTATE_WORDS = [
  ...['锦绣', '翠竹', '丽景', '阳光', '金色', '紫薇', '清潭', '兰陵', '红梅', '天安', '东方', '世纪'],
  ...['凤凰', '香樟', '银河', '星河', '富强', '和平', '博爱', '同济', '永宁', '嘉泽', '桃园', '荷花'],
  ...['怡景', '华润', '御景', '九洲', '恒顺', '常发', '新城', '绿地', '君悦', '万福', '龙城', '延陵'],
];
const ESTATE_SUFFIXES = ['花园', '苑', '小区', '家园', '新村', '公寓', '名邸', '华庭'];

const streetByCode = new Map(STREETS.map((s) => [s.code, s]));
const districtByCode = new Map(DISTRICTS.map((d) => [d.code, d]));

function estatesOf(code: string, name: string, kind: Community['kind']): string[] {
  if (kind === 'village') return [name];
  const rng = new Random(0, `estates:${code}`);
  const own = name.replace(/社区$/, '');
  const estates = [own];
  const count = rng.int(2, 5);
  while (estates.length < count) {
    const estate = rng.pick(ESTATE_WORDS) + rng.pick(ESTATE_SUFFIXES);
    if (!estates.includes(estate)) estates.push(estate);
  }
  return estates;
}

export function communityByCode(code: string): Community {
  const raw = COMMUNITIES.find((c) => c.code === code);
  if (!raw) throw new RangeError(`unknown community ${code}`);
  return toCommunity(raw);
}

function toCommunity(raw: (typeof COMMUNITIES)[number]): Community {
  const street = streetByCode.get(raw.streetCode);
  const district = street && districtByCode.get(street.districtCode);
  if (!street || !district) throw new RangeError(`community ${raw.code} has no street or district`);
  return {
    code: raw.code,
    name: raw.name,
    kind: raw.kind,
    streetName: street.name,
    districtCode: district.code,
    districtName: district.name,
    estates: estatesOf(raw.code, raw.name, raw.kind),
  };
}

export interface CommunityQuota {
  community: Community;
  people: number;
}

/**
 * Communities spread evenly over the city's list (so every district appears even in a small
 * city), or the ones named, with the people shared out as evenly as whole numbers allow.
 */
export function communityQuotas(people: number, codes?: readonly string[]): CommunityQuota[] {
  const used = codes?.length
    ? codes.length
    : Math.min(COMMUNITIES.length, Math.max(1, Math.ceil(people / PEOPLE_PER_COMMUNITY)));
  const base = Math.floor(people / used);
  const extra = people % used;
  return Array.from({ length: used }, (_, i) => ({
    community: codes?.length
      ? communityByCode(codes[i])
      : toCommunity(COMMUNITIES[Math.floor((i * COMMUNITIES.length) / used)]),
    people: base + (i < extra ? 1 : 0),
  }));
}

/** A community anywhere in the city, for addresses people have moved away from. */
export function anyCommunity(rng: Random): Community {
  return toCommunity(rng.pick(COMMUNITIES));
}

export function gridCodeFor(community: Community, building: number): string {
  const cells = gridCellsFor(community.code, GRIDS_PER_COMMUNITY);
  return cells[(building - 1) % cells.length].code;
}
