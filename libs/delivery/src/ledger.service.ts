import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AWAITING_ID_NUMBER, TO_SEND, UNSETTLED, type LedgerStatus } from './ledger-status';

export type { LedgerStatus } from './ledger-status';

export interface SystemLink {
  externalId: string | null;
  deliveredVersion: number;
  present: boolean;
  /** Found at go-live holding (or lacking) the subject against the hub's rules: kept as held. */
  disputed: boolean;
}

/**
 * The delivery ledger: per system, subject and version, what happened. Every write is keyed by
 * (system, subject, version) so repeating a step (after a crash) changes nothing.
 */
@Injectable()
export class LedgerService {
  /** Injected with the data source; a repository may hand it its transaction's manager. */
  constructor(@Inject(DataSource) private readonly db: DataSource | EntityManager) {}

  async link(system: string, subjectType: string, subjectId: string): Promise<SystemLink | null> {
    const rows: Array<{
      external_id: string | null;
      delivered_version: number;
      present: boolean;
      disputed: boolean;
    }> = await this.db.query(
      `SELECT external_id, delivered_version, present, disputed FROM system_link
        WHERE system = $1 AND subject_type = $2 AND subject_id = $3`,
      [system, subjectType, subjectId],
    );
    const row = rows[0];
    return row
      ? {
          externalId: row.external_id,
          deliveredVersion: row.delivered_version,
          present: row.present,
          disputed: row.disputed,
        }
      : null;
  }

  /**
   * Whether the system may hold the subject: it does by the link, or a create was attempted whose
   * answer never came back (a crash after the department applied it, before the hub confirmed).
   */
  async mayHold(
    system: string,
    subjectType: string,
    subjectId: string,
    link: SystemLink | null,
  ): Promise<boolean> {
    if (link?.present) return true;
    if (link?.externalId) return false;
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM delivery WHERE system = $1 AND subject_type = $2 AND subject_id = $3
          AND action = 'upsert' AND attempts > 0 LIMIT 1`,
      [system, subjectType, subjectId],
    );
    return rows.length > 0;
  }

  /** Whether a (system, subject) still has deliveries owed. */
  async hasOpen(system: string, subjectType: string, subjectId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM delivery WHERE system = $1 AND subject_type = $2 AND subject_id = $3
          AND status IN ${TO_SEND} LIMIT 1`,
      [system, subjectType, subjectId],
    );
    return rows.length > 0;
  }

  /** Records that a version concerns a system (pending) or not; repeated calls are no-ops. */
  async record(
    entries: Array<{
      system: string;
      subjectType: string;
      subjectId: string;
      version: number;
      eventId: string;
      status: LedgerStatus;
      action: string | null;
    }>,
  ): Promise<void> {
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
        WHERE system = $1 AND subject_type = $2 AND subject_id = $3 AND version <= $4
          AND status IN ${UNSETTLED}`,
      [system, subjectType, subjectId, upToVersion],
    );
  }

  /**
   * The system now holds `version` (or has ended it): that and every older open row is confirmed.
   * One statement (the link and the rows change together); it answers the subject's version now,
   * so a delivery can tell whether a newer change arrived while it was sending.
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
          WHERE system = $1 AND subject_type = $2 AND subject_id = $3 AND version <= $5
            AND status IN ${UNSETTLED}
         RETURNING 1
       )
       SELECT (SELECT version FROM ${table} WHERE id = $3) AS current_version,
              (SELECT count(*) FROM link) + (SELECT count(*) FROM done) AS written`,
      [system, subjectType, subjectId, outcome.externalId, version, outcome.present, outcome.action],
    );
    return { currentVersion: rows[0]?.current_version ?? 0 };
  }

  /**
   * The system already holds the subject's version: its open rows up to the version the link
   * holds *now* are confirmed, and the link is left alone. Reading the link under a row lock (not
   * trusting the version read before) keeps a resend requested meanwhile: it has reset the link
   * and re-opened the row, and the subject goes back in the queue.
   */
  async confirmHeld(system: string, subjectType: string, subjectId: string): Promise<void> {
    await this.db.query(
      `WITH held AS (
         SELECT delivered_version FROM system_link
          WHERE system = $1 AND subject_type = $2 AND subject_id = $3 FOR UPDATE
       )
       UPDATE delivery SET status = 'confirmed', action = COALESCE(action, 'none'),
              error_kind = NULL, last_error = NULL, updated_at = now()
        WHERE system = $1 AND subject_type = $2 AND subject_id = $3
          AND version <= (SELECT delivered_version FROM held)
          AND status IN ${UNSETTLED}`,
      [system, subjectType, subjectId],
    );
  }

  /**
   * Sends subjects to systems again whatever they were last sent, in one statement: each link
   * forgets the version it holds (with `assumeHeld` it counts as held; with `settle` a go-live
   * dispute over whether the system should hold the subject is over), and the subject's current
   * version is (re-)opened in the ledger. The caller queues the deliveries.
   */
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

  /**
   * Before sending `version`: marks the open rows up to it as attempted and answers what the
   * system holds, in one statement. `attemptedBefore` is whether a create was tried earlier whose
   * answer may never have come back (read before this attempt's own mark).
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
         SELECT external_id, delivered_version, present, disputed FROM system_link
          WHERE system = $1 AND subject_type = $2 AND subject_id = $3
       ), attempt AS (
         UPDATE delivery SET attempts = attempts + 1, status = 'sent', updated_at = now()
          WHERE system = $1 AND subject_type = $2 AND subject_id = $3 AND version <= $4
            AND version > COALESCE((SELECT delivered_version FROM held), 0)
            AND status IN ${UNSETTLED}
         RETURNING 1
       )
       SELECT h.external_id, h.delivered_version, h.present, h.disputed,
              EXISTS (SELECT 1 FROM delivery WHERE system = $1 AND subject_type = $2 AND subject_id = $3
                         AND action = 'upsert' AND attempts > 0) AS attempted_before,
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

  /** A final refusal: kept with the department's own message for a person to fix and re-send. */
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
        WHERE system = $1 AND subject_type = $2 AND subject_id = $3 AND version <= $4
          AND status IN ${UNSETTLED}`,
      [system, subjectType, subjectId, upToVersion, kind, message.slice(0, 500)],
    );
  }

  /**
   * The system keys persons by ID number and the subject has none yet: its open rows up to the
   * version wait (not queued, not failed) with the reason, until a version with the number comes.
   */
  async wait(
    system: string,
    subjectType: string,
    subjectId: string,
    upToVersion: number,
    message: string,
  ): Promise<void> {
    await this.db.query(
      `UPDATE delivery SET status = 'waiting', error_kind = $5, last_error = $6, updated_at = now()
        WHERE system = $1 AND subject_type = $2 AND subject_id = $3 AND version <= $4
          AND status IN ${UNSETTLED}`,
      [system, subjectType, subjectId, upToVersion, AWAITING_ID_NUMBER, message],
    );
  }

  /**
   * A change that came from the system itself: it holds the subject, so what waited to be sent
   * there (a birth waiting for the police's ID number, now issued by them) is settled.
   */
  async settleWaitingAtOrigin(
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

  /**
   * The department takes nothing now (outside its upload window): every open row of the system
   * says why, once (rows already saying it are not rewritten), without counting an attempt.
   */
  async noteClosed(system: string, message: string): Promise<void> {
    await this.db.query(
      `UPDATE delivery SET error_kind = 'scheduled', last_error = $2, updated_at = now()
        WHERE system = $1 AND status IN ${TO_SEND}
          AND (error_kind IS DISTINCT FROM 'scheduled' OR last_error IS DISTINCT FROM $2)`,
      [system, message],
    );
  }

  /** A temporary failure: still open, with the reason shown to operators. */
  async noteError(
    system: string,
    subjectType: string,
    subjectId: string,
    kind: string,
    message: string,
  ): Promise<void> {
    await this.db.query(
      `UPDATE delivery SET error_kind = $4, last_error = $5, updated_at = now()
        WHERE system = $1 AND subject_type = $2 AND subject_id = $3 AND status IN ${TO_SEND}`,
      [system, subjectType, subjectId, kind, message.slice(0, 500)],
    );
  }
}
