/**
 * Dwellings and the ways departments write them. A flat is `3幢2单元501室` in the hub, but grid
 * workers and clerks also write `3-2-501` and `3栋2单元501` (departments.md, grid-governance).
 */
import { anyCommunity } from './geography';
import type { Address, Community } from './model';
import type { Random } from './random';

export type AddressStyle = 'zhuang' | 'dash' | 'dong';
export const ADDRESS_STYLES: readonly AddressStyle[] = ['zhuang', 'dash', 'dong'];

const BUILDINGS = 24;
const UNITS = 3;
const FLOORS = 11;
const DOORS = 2;
const VILLAGE_GROUPS = 12;
const VILLAGE_HOUSES = 120;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Hands out every dwelling of a community at most once, in a scattered order (a fixed stride
 * through the mixed-radix dwelling numbers), so two households never share a flat.
 */
export class DwellingAllocator {
  private readonly capacity: number;
  private readonly start: number;
  private readonly stride: number;
  private issued = 0;

  constructor(
    private readonly community: Community,
    rng: Random,
  ) {
    this.capacity =
      community.kind === 'village'
        ? VILLAGE_GROUPS * VILLAGE_HOUSES
        : community.estates.length * BUILDINGS * UNITS * FLOORS * DOORS;
    this.start = rng.int(0, this.capacity - 1);
    this.stride = [7919, 7927, 7933, 7937].find((p) => gcd(p, this.capacity) === 1) ?? 1;
  }

  next(): Address {
    if (this.issued >= this.capacity) throw new RangeError(`${this.community.name}: no dwelling left`);
    const k = (this.start + this.issued++ * this.stride) % this.capacity;
    return dwellingAt(this.community, k);
  }
}

function dwellingAt(community: Community, k: number): Address {
  if (community.kind === 'village') {
    return {
      community,
      estate: community.estates[0],
      building: Math.floor(k / VILLAGE_HOUSES) + 1,
      unit: null,
      room: (k % VILLAGE_HOUSES) + 1,
    };
  }
  const door = (k % DOORS) + 1;
  const floor = (Math.floor(k / DOORS) % FLOORS) + 1;
  const unit = (Math.floor(k / (DOORS * FLOORS)) % UNITS) + 1;
  const building = (Math.floor(k / (DOORS * FLOORS * UNITS)) % BUILDINGS) + 1;
  const estate = community.estates[Math.floor(k / (DOORS * FLOORS * UNITS * BUILDINGS))];
  return { community, estate, building, unit, room: floor * 100 + door };
}

/** The flat within its estate, in one of the three ways people write it. */
export function dwellingText(a: Address, style: AddressStyle = 'zhuang'): string {
  if (a.unit === null) return `${a.estate}${a.building}组${a.room}号`;
  switch (style) {
    case 'zhuang':
      return `${a.estate}${a.building}幢${a.unit}单元${a.room}室`;
    case 'dash':
      return `${a.estate}${a.building}-${a.unit}-${a.room}`;
    case 'dong':
      return `${a.estate}${a.building}栋${a.unit}单元${a.room}`;
  }
}

/** `常州市天宁区雕庄街道丽华新村3幢2单元501室`. */
export function fullAddress(a: Address, style: AddressStyle = 'zhuang'): string {
  return `常州市${streetAddress(a, style)}`;
}

/** `天宁区雕庄街道丽华新村3幢2单元501室`: what most forms hold. */
export function streetAddress(a: Address, style: AddressStyle = 'zhuang'): string {
  return `${a.community.districtName}${a.community.streetName}${dwellingText(a, style)}`;
}

/** Somewhere else in the city: where a person lived before (a stale address). */
export function formerAddress(rng: Random): Address {
  const community = anyCommunity(rng);
  const capacity =
    community.kind === 'village'
      ? VILLAGE_GROUPS * VILLAGE_HOUSES
      : community.estates.length * BUILDINGS * UNITS * FLOORS * DOORS;
  return dwellingAt(community, rng.int(0, capacity - 1));
}
