import type { PreparedPerson } from './prepared-person';

export { effectiveId } from './effective-id';

/**
 * Domain certainties checked before the model, so no amount of agreeing evidence (same
 * household address, shared family phone, twins' birthday) can merge these pairs.
 *
 * 1. Two different *valid* ID numbers are two people. A typo in a number (one wrong digit,
 *    two swapped digits) breaks its check character, so the typo cases the `near` ID level
 *    catches always involve an invalid number and are not ruled out here.
 * 2. Both numbers absent (or disowned, see `effectiveId`), genders stated and different, and
 *    the names not the same text: husband and wife, brother and sister sharing phone and
 *    address. A homophone name does not save the pair: 张伟 (m) and 张薇 (f) are two people.
 */
export function hardRule(a: PreparedPerson, b: PreparedPerson): 'non-match' | null {
  if (a.validId !== null && b.validId !== null && a.validId !== b.validId) return 'non-match';
  const bothWithoutId = a.id === null && b.id === null;
  const gendersDiffer = a.gender !== null && b.gender !== null && a.gender !== b.gender;
  const sameName = a.name !== null && a.name === b.name;
  if (bothWithoutId && gendersDiffer && !sameName) return 'non-match';
  return null;
}
