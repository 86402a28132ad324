import type { Level } from '../fields';
import type { PreparedPerson } from '../prepared-person';
import { oneSubstitutionOrTransposition } from './edit-distance';

/**
 * `near`: the same birth-date part (digits 7-14) and one wrong character or two swapped
 * neighbours elsewhere — a typing slip in the region code, sequence or check character.
 * Two valid numbers are never near: the check character catches exactly these slips.
 */
export function compareIds(a: PreparedPerson, b: PreparedPerson): Level<'id'> {
  if (a.id === null || b.id === null) return 'missing';
  if (a.id === b.id) return 'equal';
  const sameBirthPart = a.id.length === 18 && b.id.length === 18 && a.id.slice(6, 14) === b.id.slice(6, 14);
  return sameBirthPart && oneSubstitutionOrTransposition(a.id, b.id) ? 'near' : 'different';
}
