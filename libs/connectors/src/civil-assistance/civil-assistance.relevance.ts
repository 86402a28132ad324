import type { SubjectSnapshot } from '@hub/domain';

/**
 * Households with 低保, 低保边缘 or 特困 status. The system holds households, not persons: a
 * resident snapshot is never relevant here (the resident reaches it as a member of the household
 * document). A dissolved household, or one whose assistance ended, is ended in the system. The day
 * does not matter: assistance has no age rule and its approval date is the department's decision.
 */
export function isCivilAssistanceRelevant(subject: SubjectSnapshot, _on: Date): boolean {
  return subject.type === 'household' && subject.status === 'active' && subject.assistance !== null;
}
