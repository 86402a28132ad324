import type { Level } from '../fields';
import type { PreparedPerson } from '../prepared-person';

/**
 * Hierarchical: estate, then building, then unit and room. Estates with the same name in two
 * districts (every district has a 幸福小区) only count when the districts do not contradict.
 * Unparsed addresses (no estate) are compared as whole texts, and otherwise give no evidence.
 */
export function compareAddresses(a: PreparedPerson, b: PreparedPerson): Level<'address'> {
  const [x, y] = [a.address, b.address];
  if (x === null || y === null) return 'missing';
  if (x.estate && y.estate) {
    const districtsDiffer = x.district !== null && y.district !== null && x.district !== y.district;
    if (x.estate !== y.estate || districtsDiffer) return 'different';
    if (!x.building || x.building !== y.building) return 'same-estate';
    return x.room && x.room === y.room && x.unit === y.unit ? 'same-room' : 'same-building';
  }
  return a.addressText !== null && a.addressText === b.addressText ? 'same-room' : 'missing';
}
