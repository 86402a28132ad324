import type { ResidentSnapshot } from '@hub/domain';
import { ageAt } from '../common';
import type { FocusTag } from './grid-governance.types';

const ELDERLY_AGE = 60;

/**
 * The platform's focus tags, derived only from what the unified record states:
 * - 独居老人: 60 or over and living alone;
 * - 空巢老人: 60 or over, living with the spouse only (no child in the household) — the alone
 *   are 独居 instead, so the two never overlap;
 * - 残疾人: holds a disability certificate (any type and grade);
 * - 低保户: the household receives 低保 (not 低保边缘 or 特困, which are other schemes);
 * - 留守儿童 and 退役军人: the record holds nothing to derive them from, so they are never sent.
 *   (An upsert replaces the list, so such a tag set by a grid worker is lost on our next push;
 *   the platform offers no per-person read to merge with — see the report.)
 * Tags come in the spec's order, so an unchanged resident maps to an unchanged record.
 */
export function focusTagsOf(resident: ResidentSnapshot, on: Date): FocusTag[] {
  const elderly = ageAt(resident.birthDate, on) >= ELDERLY_AGE;
  const tags: FocusTag[] = [];
  if (elderly && resident.livingStatus === 'alone') tags.push('独居老人');
  if (elderly && resident.livingStatus === 'with_spouse' && resident.childrenCount === 0)
    tags.push('空巢老人');
  if (resident.disability) tags.push('残疾人');
  if (resident.household?.assistanceType === 'dibao') tags.push('低保户');
  return tags;
}
