import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

/** Ledger rows shown at once: an operator looks up a case, not a population. */
const SHOWN = 200;

/** A resident a search found, with the community the audit records. */
export interface FoundResident {
  id: string;
  communityCode: string;
}

/** A ledger row as the delivery search shows it, before masking. */
export interface DeliveryRow {
  id: string;
  system: string;
  subjectType: string;
  subjectId: string;
  /** The resident's, or the household head's. */
  name: string | null;
  idNumber: string | null;
  externalId: string | null;
  version: number;
  /** The ledger status, or `origin` for a department's own change. */
  status: string;
  action: string | null;
  attempts: number;
  errorKind: string | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The statements behind the operator's delivery search: who a query names, and their ledger rows. */
export class DeliverySearchRepository {
  constructor(private readonly db: Db) {}

  /** Residents with exactly this ID number. */
  async residentsByIdNumber(idNumber: string): Promise<FoundResident[]> {
    const rows: Array<{ id: string; community_code: string }> = await this.db.query(
      `SELECT id, community_code FROM resident WHERE id_number = $1`,
      [idNumber],
    );
    return rows.map(found);
  }

  /** Residents with exactly this name (at most 50). */
  async residentsByName(name: string): Promise<FoundResident[]> {
    const rows: Array<{ id: string; community_code: string }> = await this.db.query(
      `SELECT id, community_code FROM resident WHERE name = $1 LIMIT 50`,
      [name],
    );
    return rows.map(found);
  }

  /** Residents and households one of the systems knows by this record id of its own. */
  async linkedSubjects(systems: string[], externalId: string): Promise<string[]> {
    const rows: Array<{ subject_id: string }> = await this.db.query(
      `SELECT DISTINCT subject_id FROM system_link
        WHERE system = ANY($1) AND subject_type IN ('resident', 'household') AND external_id = $2`,
      [systems, externalId],
    );
    return rows.map((r) => r.subject_id);
  }

  /** The subjects' ledger rows that concerned a system (of one system, or all), the newest 200. */
  deliveriesOf(subjectIds: string[], system: string | null): Promise<DeliveryRow[]> {
    return this.db.query(
      `SELECT d.id::text AS id, d.system, d.subject_type AS "subjectType", d.subject_id AS "subjectId",
              p.name, p.id_number AS "idNumber", l.external_id AS "externalId", d.version,
              CASE WHEN d.action = 'origin' THEN 'origin' ELSE d.status::text END AS status, d.action,
              d.attempts, d.error_kind AS "errorKind", d.last_error AS "lastError",
              d.created_at AS "createdAt", d.updated_at AS "updatedAt"
         FROM delivery d
         LEFT JOIN system_link l
           ON l.system = d.system AND l.subject_type = d.subject_type AND l.subject_id = d.subject_id
         LEFT JOIN household h ON d.subject_type = 'household' AND h.id = d.subject_id
         LEFT JOIN resident p
           ON p.id = CASE WHEN d.subject_type = 'resident' THEN d.subject_id ELSE h.head_resident_id END
        WHERE d.subject_id = ANY($1::uuid[]) AND d.status <> 'not_relevant'
          AND ($2::text IS NULL OR d.system = $2)
        ORDER BY d.updated_at DESC, d.id DESC LIMIT ${SHOWN}`,
      [subjectIds, system],
    );
  }
}

const found = (r: { id: string; community_code: string }): FoundResident => ({
  id: r.id,
  communityCode: r.community_code,
});
