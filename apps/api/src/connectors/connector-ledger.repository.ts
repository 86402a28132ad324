import type { DataSource, EntityManager } from 'typeorm';
import { TO_SEND } from '@hub/ledger';
import { returnedRows } from '@hub/record';

type Db = DataSource | EntityManager;

/** How many ledger rows a system has in one status, and when the oldest open one was created. */
export interface StatusCount {
  system: string;
  status: string;
  count: number;
  /** Only for the open statuses (to send): null otherwise. */
  oldestOpen: Date | null;
}

/** A failed delivery as the console's failure list shows it (a type: the service returns it as a plain record). */
export type FailedDelivery = {
  id: string;
  subjectType: string;
  subjectId: string;
  version: number;
  attempts: number;
  errorKind: string | null;
  lastError: string | null;
  updatedAt: Date;
};

/** A department's change about someone the hub could not place, waiting for a person. */
export type HeldInbound = {
  id: string;
  system: string;
  externalId: string | null;
  /** Masked when it was held. */
  idNumber: string | null;
  reason: string;
  receivedAt: Date;
};

/** What IT staff read and steer of each system's ledger: counts, failures, re-opening, held inbound changes. */
export class ConnectorLedgerRepository {
  constructor(private readonly db: Db) {}

  /** Per system and status, the number of ledger rows. */
  async statusCounts(): Promise<StatusCount[]> {
    const rows: Array<{ system: string; status: string; n: number; oldest_open: Date | null }> =
      await this.db.query(
        `SELECT system, status, count(*)::int AS n, min(created_at) FILTER (WHERE status IN ${TO_SEND}) AS oldest_open
           FROM delivery GROUP BY system, status`,
      );
    return rows.map((r) => ({ system: r.system, status: r.status, count: r.n, oldestOpen: r.oldest_open }));
  }

  /** Failures of one system (optionally of one error kind), newest first. */
  failures(system: string, errorKind: string | null, limit: number): Promise<FailedDelivery[]> {
    return this.db.query(
      `SELECT id, subject_type AS "subjectType", subject_id AS "subjectId", version, attempts,
              error_kind AS "errorKind", last_error AS "lastError", updated_at AS "updatedAt"
         FROM delivery WHERE system = $1 AND status = 'failed' AND ($2::text IS NULL OR error_kind = $2)
        ORDER BY updated_at DESC LIMIT $3`,
      [system, errorKind, limit],
    );
  }

  /**
   * Puts a system's failed deliveries back to pending (those of one error kind, or one delivery;
   * null for any): the subjects whose rows were re-opened, one entry per row.
   */
  async reopenFailed(
    system: string,
    errorKind: string | null,
    deliveryId: string | null,
  ): Promise<Array<{ subjectType: string; subjectId: string }>> {
    const rows = returnedRows<{ subject_type: string; subject_id: string }>(
      await this.db.query(
        `UPDATE delivery SET status = 'pending', updated_at = now()
          WHERE system = $1 AND status = 'failed'
            AND ($2::text IS NULL OR error_kind = $2) AND ($3::bigint IS NULL OR id = $3)
          RETURNING subject_type, subject_id`,
        [system, errorKind, deliveryId],
      ),
    );
    return rows.map((r) => ({ subjectType: r.subject_type, subjectId: r.subject_id }));
  }

  /** Inbound changes still held for a person to place, newest first (at most 200). */
  heldInbound(): Promise<HeldInbound[]> {
    return this.db.query(
      `SELECT id, system, external_id AS "externalId", id_number_masked AS "idNumber", reason, received_at AS "receivedAt"
         FROM inbound_holding WHERE resolved_at IS NULL ORDER BY id DESC LIMIT 200`,
    );
  }
}
