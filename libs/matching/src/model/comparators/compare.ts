import type { ComparisonVector, Level } from '../fields';
import type { PreparedPerson } from '../prepared-person';
import { compareAddresses } from './address.comparator';
import { compareBirthDates } from './birth-date.comparator';
import { compareIds } from './id.comparator';
import { compareNames } from './name.comparator';

export function compareGenders(a: PreparedPerson, b: PreparedPerson): Level<'gender'> {
  if (a.gender === null || b.gender === null) return 'missing';
  return a.gender === b.gender ? 'equal' : 'different';
}

export function comparePhones(a: PreparedPerson, b: PreparedPerson): Level<'phone'> {
  if (a.phone === null || b.phone === null) return 'missing';
  return a.phone === b.phone ? 'equal' : 'different';
}

export function comparePeople(a: PreparedPerson, b: PreparedPerson): ComparisonVector {
  return {
    id: compareIds(a, b),
    name: compareNames(a, b),
    birthDate: compareBirthDates(a.birth, b.birth),
    gender: compareGenders(a, b),
    phone: comparePhones(a, b),
    address: compareAddresses(a, b),
  };
}
