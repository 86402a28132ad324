import { isActiveResident, type SubjectSnapshot } from '@hub/domain';

/** `yyyy-MM-dd` of an instant in local time (the hub runs in Asia/Shanghai). */
export function localDay(on: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${on.getFullYear()}-${pad(on.getMonth() + 1)}-${pad(on.getDate())}`;
}

/**
 * "Residents under community corrections": a living, present resident whose term has not ended
 * by `on` (the end day itself still counts). A term the court has decided but that starts later
 * is covered already, so the 司法所 has the record on the first day. When the term ends the
 * resident stops being relevant and `end` marks them released.
 */
export function isJusticeCorrectionsRelevant(subject: SubjectSnapshot, on: Date): boolean {
  if (subject.type !== 'resident' || !isActiveResident(subject)) return false;
  return subject.corrections !== null && subject.corrections.end >= localDay(on);
}
