import type { DataSource, EntityManager } from 'typeorm';
import {
  AWAITING_ID_NUMBER,
  CREATE_ATTEMPTED,
  SYSTEM_SUBJECT,
  TO_SEND,
  UNSETTLED,
  type LedgerStatus,
} from './ledger-status';
import type { SystemLink } from './system-link.repository';

type Db = DataSource | EntityManager;

/** One version of a subject as it concerns one system. */
export interface LedgerEntry {
  system: string;
  subjectType: string;
  subjectId: string;
  version: number;
  eventId: string;
  status: LedgerStatus;
  action: string | null;
}

/** A (system, subject) with deliveries owed. */
export interface OpenDelivery {
  system: string;
  subjectType: string;
  subjectId: string;
}

/** The subject's rows up to a version (the parameter named) that the system does not hold yet. */
const unsettledUpTo = (version: string): string =>
  `${SYSTEM_SUBJECT} AND version <= ${version} AND status IN ${UNSETTLED}`;

/**
 * The delivery ledger (`delivery`): per system, subject and version, what happened. The steps
 * that change the link together with the rows (claim, confirm, reopen) are one statement each, so
 * a crash between them leaves nothing half-written.
 */
export class DeliveryLedgerRepository {
  constructor(private readonly db: Db) {}

  /** Whether a create of the subject was ever attempted in the system. */
  async createAttempted(system: string, subjectType: string, subjectId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM delivery WHERE ${SYSTEM_SUBJECT} AND ${CREATE_ATTEMPTED} LIMIT 1`,
      [system, subjectType, subjectId],
    );
    return rows.length > 0;
  }

  async hasOpen(system: string, subjectType: string, subjectId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM delivery WHERE ${SYSTEM_SUBJECT} AND status IN ${TO_SEND} LIMIT 1`,
      [system, subjectType, subjectId],
    );
    return rows.length > 0;
  }

  /** The system's open subjects, oldest first. */
  async openSubjects(
    system: string,
    limit: number,
  ): Promise<Array<{ subjectType: 'resident' | 'household'; subjectId: string }>> {
    const rows: Array<{ subject_type: 'resident' | 'household'; subject_id: string }> = await this.db.query(
      `SELECT subject_type, subject_id FROM delivery
        WHERE system = $1 AND status IN ${TO_SEND}
        GROUP BY subject_type, subject_id ORDER BY min(id) LIMIT $2`,
      [system, limit],
    );
    return rows.map((r) => ({ subjectType: r.subject_type, subjectId: r.subject_id }));
  }

  /** Every (system, subject) with deliveries owed, in any system. */
  async open(limit: number): Promise<OpenDelivery[]> {
    const rows: Array<{ system: string; subject_type: string; subject_id: string }> = await this.db.query(
      `SELECT DISTINCT system, subject_type, subject_id FROM delivery
        WHERE status IN ${TO_SEND} LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ system: r.system, subjectType: r.subject_type, subjectId: r.subject_id }));
  }

  /** One statement for all entries; an entry already recorded is left as it is. */
  async record(entries: readonly LedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const params: unknown[] = [];
    const tuples = entries.map((e) => {
      params.push(e.system, e.subjectType, e.subjectId, e.version, e.eventId, e.status, e.action);
      const n = params.length;
      return `($${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}::delivery_status, $${n})`;
    });
    await this.db.query(
      `INSERT INTO delivery (system, subject_type, subject_id, version, event_id, status, action)
       VALUES ${tuples.join(', ')}
       ON CONFLICT ON CONSTRAINT uq_delivery_subject_version DO NOTHING`,
      params,
    );
  }

  async markAttempt(
    system: string,
    subjectType: string,
    subjectId: string,
    upToVersion: number,
  ): Promise<void> {
    await this.db.query(
      // A closed-window note is over once the upload is attempted.
      `UPDATE delivery SET attempts = attempts + 1, status = 'sent', updated_at = now(),
              last_error = CASE WHEN error_kind = 'scheduled' THEN NULL ELSE last_error END,
              error_kind = NULLIF(error_kind, 'scheduled')
        WHERE ${unsettledUpTo('$4')}`,
      [system, subjectType, subjectId, upToVersion],
    );
  }

  /**
   * Marks the open rows up to `version` (newer than the link holds) as attempted and answers the
   * link, and whether a create was attempted before this mark (the CTE reads the rows as they
   * were when the statement began).
   */
  async claim(
    system: string,
    subjectType: string,
    subjectId: string,
    version: number,
  ): Promise<{ link: SystemLink | null; attemptedBefore: boolean }> {
    const rows: Array<{
      external_id: string | null;
      delivered_version: number | null;
      present: boolean | null;
      disputed: boolean | null;
      attempted_before: boolean;
    }> = await this.db.query(
      `WITH held AS (
         SELECT external_id, delivered_version, present, disputed FROM system_link WHERE ${SYSTEM_SUBJECT}
       ), attempt AS (
         UPDATE delivery SET attempts = attempts + 1, status = 'sent', updated_at = now()
          WHERE ${unsettledUpTo('$4')}
            AND version > COALESCE((SELECT delivered_version FROM held), 0)
         RETURNING 1
       )
       SELECT h.external_id, h.delivered_version, h.present, h.disputed,
              EXISTS (SELECT 1 FROM delivery WHERE ${SYSTEM_SUBJECT} AND ${CREATE_ATTEMPTED}) AS attempted_before,
              (SELECT count(*) FROM attempt) AS marked
         FROM (SELECT 1) AS one LEFT JOIN held h ON true`,
      [system, subjectType, subjectId, version],
    );
    const row = rows[0];
    const link =
      row && row.delivered_version !== null
        ? {
            externalId: row.external_id,
            deliveredVersion: row.delivered_version,
            present: !!row.present,
            disputed: !!row.disputed,
          }
        : null;
    return { link, attemptedBefore: !!row?.attempted_before };
  }

  /**
   * The link records `version` (never going back to an older one) and the rows up to it are
   * confirmed; answers the subject's version now. The counts make both CTEs part of the answer.
   */
  async confirm(
    system: string,
    subjectType: string,
    subjectId: string,
    version: number,
    outcome: { externalId: string | null; present: boolean; action: string },
  ): Promise<{ currentVersion: number }> {
    const table = subjectType === 'resident' ? 'resident' : 'household';
    const rows: Array<{ current_version: number | null }> = await this.db.query(
      `WITH link AS (
         INSERT INTO system_link (system, subject_type, subject_id, external_id, delivered_version, present)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (system, subject_type, subject_id) DO UPDATE
           SET external_id = COALESCE(EXCLUDED.external_id, system_link.external_id),
               delivered_version = GREATEST(system_link.delivered_version, EXCLUDED.delivered_version),
               present = CASE WHEN EXCLUDED.delivered_version >= system_link.delivered_version
                              THEN EXCLUDED.present ELSE system_link.present END,
               updated_at = now()
         RETURNING 1
       ), done AS (
         UPDATE delivery SET status = 'confirmed', external_id = $4, action = COALESCE(action, $7),
                error_kind = NULL, last_error = NULL, updated_at = now()
          WHERE ${unsettledUpTo('$5')}
         RETURNING 1
       )
       SELECT (SELECT version FROM ${table} WHERE id = $3) AS current_version,
              (SELECT count(*) FROM link) + (SELECT count(*) FROM done) AS written`,
      [system, subjectType, subjectId, outcome.externalId, version, outcome.present, outcome.action],
    );
    return { currentVersion: rows[0]?.current_version ?? 0 };
  }

  /** Confirms the open rows up to the version the link holds, read under a row lock. */
  async confirmHeld(system: string, subjectType: string, subjectId: string): Promise<void> {
    await this.db.query(
      `WITH held AS (
         SELECT delivered_version FROM system_link WHERE ${SYSTEM_SUBJECT} FOR UPDATE
       )
       UPDATE delivery SET status = 'confirmed', action = COALESCE(action, 'none'),
              error_kind = NULL, last_error = NULL, updated_at = now()
        WHERE ${unsettledUpTo('(SELECT delivered_version FROM held)')}`,
      [system, subjectType, subjectId],
    );
  }

  /** Each link forgets the version it holds and the subject's version is (re-)opened, in one statement. */
  async reopen(
    systems: readonly string[],
    subject: { type: string; id: string; version: number },
    options: { assumeHeld?: boolean; settle?: boolean } = {},
  ): Promise<void> {
    await this.db.query(
      `WITH link AS (
         UPDATE system_link SET delivered_version = 0, present = present OR $5,
                disputed = disputed AND NOT $6, updated_at = now()
          WHERE system = ANY($1) AND subject_type = $2 AND subject_id = $3
       )
       INSERT INTO delivery (system, subject_type, subject_id, version, event_id, status, action)
       SELECT system, $2::text, $3::uuid, $4::int, NULL, 'pending', 'upsert' FROM unnest($1::text[]) AS system
       ON CONFLICT ON CONSTRAINT uq_delivery_subject_version
         DO UPDATE SET status = 'pending', updated_at = now()`,
      [systems, subject.type, subject.id, subject.version, !!options.assumeHeld, !!options.settle],
    );
  }

  async fail(
    system: string,
    subjectType: string,
    subjectId: string,
    upToVersion: number,
    kind: string,
    message: string,
  ): Promise<void> {
    await this.db.query(
      `UPDATE delivery SET status = 'failed', error_kind = $5, last_error = $6, updated_at = now()
        WHERE ${unsettledUpTo('$4')}`,
      [system, subjectType, subjectId, upToVersion, kind, message.slice(0, 500)],
    );
  }

  async wait(
    system: string,
    subjectType: string,
    subjectId: string,
    upToVersion: number,
    message: string,
  ): Promise<void> {
    await this.db.query(
      `UPDATE delivery SET status = 'waiting', error_kind = $5, last_error = $6, updated_at = now()
        WHERE ${unsettledUpTo('$4')}`,
      [system, subjectType, subjectId, upToVersion, AWAITING_ID_NUMBER, message],
    );
  }

  /** Confirms each subject's waiting rows older than the version given. */
  async settleWaiting(
    system: string,
    subjects: ReadonlyArray<{ type: string; id: string; version: number }>,
  ): Promise<void> {
    if (subjects.length === 0) return;
    await this.db.query(
      `UPDATE delivery d SET status = 'confirmed', error_kind = NULL, last_error = NULL, updated_at = now()
         FROM unnest($2::text[], $3::uuid[], $4::int[]) AS s(type, id, version)
        WHERE d.system = $1 AND d.subject_type = s.type AND d.subject_id = s.id
          AND d.version < s.version AND d.status = 'waiting'`,
      [system, subjects.map((s) => s.type), subjects.map((s) => s.id), subjects.map((s) => s.version)],
    );
  }

  /** Rows already saying why are not rewritten (their updated_at stays). */
  async noteClosed(system: string, message: string): Promise<void> {
    await this.db.query(
      `UPDATE delivery SET error_kind = 'scheduled', last_error = $2, updated_at = now()
        WHERE system = $1 AND status IN ${TO_SEND}
          AND (error_kind IS DISTINCT FROM 'scheduled' OR last_error IS DISTINCT FROM $2)`,
      [system, message],
    );
  }

  async noteError(
    system: string,
    subjectType: string,
    subjectId: string,
    kind: string,
    message: string,
  ): Promise<void> {
    await this.db.query(
      `UPDATE delivery SET error_kind = $4, last_error = $5, updated_at = now()
        WHERE ${SYSTEM_SUBJECT} AND status IN ${TO_SEND}`,
      [system, subjectType, subjectId, kind, message.slice(0, 500)],
    );
  }
}
