/** What happened to one version of a subject in one system. */
export type LedgerStatus = 'pending' | 'sent' | 'confirmed' | 'failed' | 'not_relevant' | 'waiting';

/**
 * The ledger's status sets, named once for every statement that reads or writes them (SQL lists).
 * - TO_SEND: owed and in the queue (or in a batch on its way).
 * - UNSETTLED: not (yet) held by the system: a later delivery of a newer version settles these too.
 *   `waiting` is a person the department keys by ID number who has none yet; not in the queue,
 *   the version that brings the number is sent instead.
 */
export const TO_SEND = `('pending', 'sent')`;
export const UNSETTLED = `('pending', 'sent', 'failed', 'waiting')`;

/**
 * The ledger's shared predicates. Its statements about one subject in one system all take the
 * system, the subject's type and id as their first three parameters.
 */
export const SYSTEM_SUBJECT = `system = $1 AND subject_type = $2 AND subject_id = $3`;
/** A create was attempted (its answer may never have come back): the system may hold the subject. */
export const CREATE_ATTEMPTED = `action = 'upsert' AND attempts > 0`;

/** Why a delivery waits for an ID number, in the worker's words. */
export const AWAITING_ID_NUMBER = 'awaiting-id';
export function awaitingIdMessage(birthDate: string | null, today: Date): string {
  const born = birthDate ? Date.parse(`${birthDate}T00:00:00+08:00`) : NaN;
  const infant = Number.isFinite(born) && today.getTime() - born < 366 * 24 * 3600 * 1000;
  return infant
    ? '等待公安局分配身份证号：出生登记办结后公安局发号，号码回传后自动发送'
    : '缺少公民身份号码：补录身份证号后自动发送';
}
