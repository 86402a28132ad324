import { LedgerService } from '@hub/ledger';
import type { DataSource, EntityManager } from 'typeorm';
import { activeRecordSql } from '../promotion/records';
import { isCorrectable } from './correctable';

export interface FindingRow {
  id: string;
  subjectId: string;
  communityCode: string;
  field: string;
  chosenValue: string | null;
  chosenSource: string | null;
  departmentValues: Array<{ system: string; recordId: string; value: string | null }>;
  reason: string;
  status: 'open' | 'confirmed' | 'corrected';
  correctedValue: string | null;
  decidedAt: string | null;
  residentName: string;
  /** Whether one value corrects it here (an address or a holding is changed on the resident's page). */
  correctable: boolean;
}

const COLUMNS = `f.id::text AS id, f.subject_id, f.community_code, f.field, f.chosen_value, f.chosen_source,
  f.department_values, f.reason, f.status, f.corrected_value, f.decided_at, r.name AS resident_name`;

const toFinding = (row: Record<string, unknown>): FindingRow => ({
  id: String(row.id),
  subjectId: String(row.subject_id),
  communityCode: String(row.community_code),
  field: String(row.field),
  chosenValue: (row.chosen_value as string | null) ?? null,
  chosenSource: (row.chosen_source as string | null) ?? null,
  departmentValues: row.department_values as FindingRow['departmentValues'],
  reason: String(row.reason),
  status: row.status as FindingRow['status'],
  correctedValue: (row.corrected_value as string | null) ?? null,
  decidedAt: row.decided_at ? new Date(row.decided_at as string).toISOString() : null,
  residentName: String(row.resident_name),
  correctable: isCorrectable(String(row.field)),
});

/** The worklist's statements: a community's findings, one finding, its decision. */
export class FindingRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** `scope` is a condition on `f.community_code` whose parameters come first in `params`. */
  async page(
    scope: string,
    params: unknown[],
    filter: { status: string; field?: string; residentId?: string },
    page: { offset: number; limit: number },
  ): Promise<{ total: number; items: FindingRow[] }> {
    const where = [scope, `f.status = $${params.push(filter.status)}`];
    if (filter.field) where.push(`f.field = $${params.push(filter.field)}`);
    if (filter.residentId) where.push(`f.subject_id = $${params.push(filter.residentId)}`);
    const condition = where.join(' AND ');
    const [{ total }]: Array<{ total: number }> = await this.db.query(
      `SELECT count(*)::int AS total FROM data_finding f WHERE ${condition}`,
      params,
    );
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT ${COLUMNS} FROM data_finding f JOIN resident r ON r.id = f.subject_id
        WHERE ${condition} ORDER BY f.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    return { total, items: rows.map(toFinding) };
  }

  /** One finding in the scope (a condition on `f.community_code`). */
  find(id: string, scope: string, params: unknown[]): Promise<FindingRow | undefined> {
    return this.one(id, scope, params, '');
  }

  /** The same, locked for its decision. */
  lock(id: string, scope: string, params: unknown[]): Promise<FindingRow | undefined> {
    return this.one(id, scope, params, 'FOR UPDATE OF f');
  }

  private async one(id: string, scope: string, params: unknown[], lock: string) {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT ${COLUMNS} FROM data_finding f JOIN resident r ON r.id = f.subject_id
        WHERE f.id = $${params.push(id)} AND ${scope} ${lock}`,
      params,
    );
    return rows[0] ? toFinding(rows[0]) : undefined;
  }

  async decide(id: string, status: 'confirmed' | 'corrected', by: string, correctedValue: string | null) {
    await this.db.query(
      `UPDATE data_finding SET status = $2, decided_by = $3, decided_at = now(), corrected_value = $4 WHERE id = $1`,
      [id, status, by, correctedValue],
    );
  }

  /** Open findings per field in the scope (the worklist's header). */
  async openByField(scope: string, params: unknown[]): Promise<Record<string, number>> {
    const rows: Array<{ field: string; n: number }> = await this.db.query(
      `SELECT f.field, count(*)::int AS n FROM data_finding f WHERE ${scope} AND f.status = 'open' GROUP BY 1`,
      params,
    );
    return Object.fromEntries(rows.map((r) => [r.field, r.n]));
  }

  /**
   * The departments that hold another value are sent the resident again: their links forget the
   * version they hold (and a go-live dispute, once decided) and the current version is re-opened
   * in their ledger, in this transaction; an outbox event queues the deliveries.
   */
  async resend(
    residentId: string,
    systems: readonly string[],
    settle: boolean,
    actorId: string,
  ): Promise<void> {
    const [resident]: Array<{ version: number }> = await this.db.query(
      `SELECT version FROM resident WHERE id = $1`,
      [residentId],
    );
    if (!resident) return;
    await new LedgerService(this.db).reopen(
      systems,
      { type: 'resident', id: residentId, version: resident.version },
      { settle },
    );
    await this.db.query(
      `INSERT INTO outbox_event (kind, source, subjects, actor_id)
       VALUES ('finding.confirmed', 'community',
               jsonb_build_array(jsonb_build_object('type', 'resident', 'id', $1::uuid, 'version', $2::int)), $3)`,
      [residentId, resident.version, actorId],
    );
  }

  /**
   * Residents a department holds more than once (two active records linked to one person): the
   * hub updates one of them and cannot merge inside the department; the department can.
   */
  async departmentDuplicates(
    scope: string,
    params: unknown[],
    perSystem: number,
  ): Promise<DepartmentDuplicate[]> {
    const rows: Array<{
      system: string;
      resident_id: string;
      name: string;
      record_ids: string[];
      total: number;
    }> = await this.db.query(
      `WITH held AS (
           SELECT s.system, COALESCE(r.merged_into, r.id) AS resident_id, s.record_id
             FROM source_record s JOIN source_record_resident sr ON sr.source_record_id = s.id
             JOIN resident r ON r.id = sr.resident_id
            WHERE s.system <> 'civil-assistance'
              AND ${activeRecordSql('s')}),
         twice AS (
           SELECT system, resident_id, array_agg(record_id ORDER BY record_id) AS record_ids
             FROM held GROUP BY 1, 2 HAVING count(*) > 1),
         ranked AS (
           SELECT t.*, row_number() OVER (PARTITION BY t.system ORDER BY t.resident_id) AS n,
                  count(*) OVER (PARTITION BY t.system)::int AS total
             FROM twice t JOIN resident f ON f.id = t.resident_id WHERE ${scope})
         SELECT k.system, k.resident_id, r.name, k.record_ids, k.total
           FROM ranked k JOIN resident r ON r.id = k.resident_id
          WHERE k.n <= $${params.length + 1} ORDER BY k.system, r.name`,
      [...params, perSystem],
    );
    const bySystem = new Map<string, DepartmentDuplicate>();
    for (const row of rows) {
      const entry = bySystem.get(row.system) ?? { system: row.system, total: row.total, residents: [] };
      entry.residents.push({ residentId: row.resident_id, name: row.name, recordIds: row.record_ids });
      bySystem.set(row.system, entry);
    }
    return [...bySystem.values()];
  }
}

export interface DepartmentDuplicate {
  system: string;
  /** Residents this department holds more than once, in the scope. */
  total: number;
  residents: Array<{ residentId: string; name: string; recordIds: string[] }>;
}
