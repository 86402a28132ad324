/** What grid workers note about a person: ethnicity by name and the focus groups (重点人群). */
import { ETHNICITY, codeName } from '@hub/domain';
import { ageOn } from '../calendar';
import type { Household, Person } from '../model';

export const nationOf = (ethnicity: string): string => codeName(ETHNICITY, ethnicity) ?? '其他';

/**
 * 独居老人 (60+ living alone), 空巢老人 (60+ with only elders at home), 留守儿童 (children left with
 * grandparents), 残疾人, 低保户 (an active 低保 or 特困 household), 退役军人.
 */
export function focusTagsOf(household: Household, p: Person, reference: string): string[] {
  const tags: string[] = [];
  const living = household.members.filter((m) => m.status === 'alive');
  const age = ageOn(p.birthDate, reference);
  if (age >= 60 && living.length === 1) tags.push('独居老人');
  if (age >= 60 && living.length > 1 && living.every((m) => ageOn(m.birthDate, reference) >= 60)) {
    tags.push('空巢老人');
  }
  if (age < 16 && household.kind === 'skip-generation') tags.push('留守儿童');
  if (p.disability) tags.push('残疾人');
  const assistance = household.assistance;
  if (assistance?.status === 'active' && assistance.type !== 'dibao_edge') tags.push('低保户');
  if (p.veteran) tags.push('退役军人');
  return tags;
}
