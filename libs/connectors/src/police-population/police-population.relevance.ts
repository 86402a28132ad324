import { isActiveResident, type SubjectSnapshot } from '@hub/domain';
import { rylbOf } from './police-population.codes';

/**
 * 实有人口 covers every resident, registered (户籍) and floating (流动), whatever the age.
 * - Households are not records of their own here: each member carries HH and YHZGX.
 * - Overseas residents (境外) are out: RYLB has no code for them, the police keep them elsewhere.
 * - The dead and the moved-out are not relevant: the hub ends them (ZxRyxx with ZT 1 / 2).
 * - A resident without an ID number is still relevant; the push is refused (GMSFHM is the key).
 */
export function isRelevantToPolice(subject: SubjectSnapshot, _on: Date): boolean {
  if (subject.type !== 'resident') return false;
  return isActiveResident(subject) && rylbOf(subject.registrationType) !== undefined;
}
