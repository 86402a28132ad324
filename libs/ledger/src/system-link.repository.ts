import type { DataSource, EntityManager } from 'typeorm';
import { SYSTEM_SUBJECT, TO_SEND } from './ledger-status';

type Db = DataSource | EntityManager;

/** What a system holds of a subject, by the hub's link to the system's record. */
export interface SystemLink {
  externalId: string | null;
  deliveredVersion: number;
  present: boolean;
  /** Found at go-live holding (or lacking) the subject against the hub's rules: kept as held. */
  disputed: boolean;
}

/** A link as a whole-system pass reads it: the subject and the system's record id. */
export interface LinkedRecord {
  subjectType: string;
  subjectId: string;
  externalId: string | null;
}

/** A system that holds (or may soon hold) a subject, the subject named `type:id`. */
export interface Holder {
  key: string;
  system: string;
}

/**
 * The links between the hub's subjects and the departments' records (`system_link`), as delivery
 * reads them. The link is written together with the ledger rows, by DeliveryLedgerRepository.
 */
export class SystemLinkRepository {
  constructor(private readonly db: Db) {}

  async find(system: string, subjectType: string, subjectId: string): Promise<SystemLink | null> {
    const rows: Array<{
      external_id: string | null;
      delivered_version: number;
      present: boolean;
      disputed: boolean;
    }> = await this.db.query(
      `SELECT external_id, delivered_version, present, disputed FROM system_link WHERE ${SYSTEM_SUBJECT}`,
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

  /** Every link of the system. */
  async ofSystem(system: string): Promise<LinkedRecord[]> {
    const rows: Array<{ subject_type: string; subject_id: string; external_id: string | null }> =
      await this.db.query(`SELECT subject_type, subject_id, external_id FROM system_link WHERE system = $1`, [
        system,
      ]);
    return rows.map((r) => ({
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      externalId: r.external_id,
    }));
  }

  /** The system's record ids of the residents it has one for, by resident id. */
  async residentRecordIds(system: string, residentIds: readonly string[]): Promise<Record<string, string>> {
    const rows: Array<{ subject_id: string; external_id: string }> = await this.db.query(
      `SELECT subject_id, external_id FROM system_link
        WHERE system = $1 AND subject_type = 'resident' AND subject_id = ANY($2::uuid[]) AND external_id IS NOT NULL`,
      [system, residentIds],
    );
    return Object.fromEntries(rows.map((r) => [r.subject_id, r.external_id]));
  }

  /**
   * The systems that hold each subject, or may soon: a delivery still in flight (a batch not yet
   * sent) can make a system hold a subject, so an open ledger row counts as a holder too.
   */
  async holders(subjects: ReadonlyArray<{ type: string; id: string }>): Promise<Holder[]> {
    return this.db.query<Holder[]>(
      `SELECT subject_type || ':' || subject_id AS key, system FROM system_link
        WHERE present AND (subject_type, subject_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))
       UNION
       SELECT subject_type || ':' || subject_id, system FROM delivery
        WHERE status IN ${TO_SEND}
          AND (subject_type, subject_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))`,
      [subjects.map((s) => s.type), subjects.map((s) => s.id)],
    );
  }
}
