import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface OpenDeliveryRow {
  id: string;
  system: string;
  subject_type: 'resident' | 'household';
  subject_id: string;
  /** The resident's name, or the household head's. */
  name: string | null;
  version: number;
  error_kind: string | null;
  last_error: string | null;
  updated_at: Date;
}

/**
 * A community's latest ledger row per system and subject in one status, newest first. The
 * subject's community comes from the resident or the household; `scope` is the actor's condition
 * on `community` with its parameters first in `params`, `hidden` systems are left out.
 */
const OPEN_OF_STATUS = (scope: string, status: string, hidden: string, limit: string) => `
  WITH open AS (
    SELECT DISTINCT ON (d.system, d.subject_type, d.subject_id)
           d.id, d.system, d.subject_type, d.subject_id, d.version, d.error_kind, d.last_error, d.updated_at
      FROM delivery d
     WHERE d.status = ${status} AND NOT (d.system = ANY(${hidden}))
     ORDER BY d.system, d.subject_type, d.subject_id, d.version DESC
  )
  SELECT o.id::text AS id, o.system, o.subject_type, o.subject_id, o.version, o.error_kind, o.last_error,
         o.updated_at, COALESCE(r.name, head.name) AS name
    FROM open o
    LEFT JOIN resident r ON o.subject_type = 'resident' AND r.id = o.subject_id
    LEFT JOIN household h ON o.subject_type = 'household' AND h.id = o.subject_id
    LEFT JOIN resident head ON head.id = h.head_resident_id
   CROSS JOIN LATERAL (SELECT COALESCE(r.community_code, h.community_code) AS community) c
   WHERE ${scope}
   ORDER BY o.updated_at DESC
   LIMIT ${limit}`;

/** The worker's to-do list (待办): what departments refused or wait for, what waits for a decision. */
@Injectable()
export class TodoRepository {
  constructor(private readonly db: DataSource) {}

  /** Deliveries a department refused (or the hub could not build) for the community's people. */
  refused(scope: string, params: unknown[], hidden: string[], limit: number): Promise<OpenDeliveryRow[]> {
    const all = [...params, 'failed', hidden, limit];
    const n = params.length;
    return this.db.query(OPEN_OF_STATUS(scope, `$${n + 1}`, `$${n + 2}`, `$${n + 3}`), all);
  }

  /** Deliveries waiting for something the hub lacks (a newborn's ID number). */
  waiting(scope: string, params: unknown[], hidden: string[], limit: number): Promise<OpenDeliveryRow[]> {
    const all = [...params, 'waiting', hidden, limit];
    const n = params.length;
    return this.db.query(OPEN_OF_STATUS(scope, `$${n + 1}::delivery_status`, `$${n + 2}`, `$${n + 3}`), all);
  }

  /** Duplicate pairs waiting for a reviewer, and go-live findings waiting for a decision. */
  async decisions(
    reviewScope: string,
    findingScope: string,
    params: unknown[],
  ): Promise<{ reviews: number; findings: number }> {
    const [row]: Array<{ reviews: number; findings: number }> = await this.db.query(
      `SELECT (SELECT count(*)::int FROM match_review r WHERE r.status = 'pending' AND ${reviewScope}) AS reviews,
              (SELECT count(*)::int FROM data_finding f WHERE f.status = 'open' AND ${findingScope}) AS findings`,
      params,
    );
    return row;
  }

  /** A refused delivery, if it is one of the community's: its system. */
  async refusalIn(id: string, scope: string, params: unknown[]): Promise<{ system: string } | undefined> {
    const n = params.length;
    const rows: Array<{ system: string }> = await this.db.query(
      `SELECT d.system FROM delivery d
         LEFT JOIN resident r ON d.subject_type = 'resident' AND r.id = d.subject_id
         LEFT JOIN household h ON d.subject_type = 'household' AND h.id = d.subject_id
        CROSS JOIN LATERAL (SELECT COALESCE(r.community_code, h.community_code) AS community) c
        WHERE d.id = $${n + 1} AND d.status = 'failed' AND ${scope}`,
      [...params, id],
    );
    return rows[0];
  }
}
