import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { checkName, maskCitizenId, maskName, normaliseName, parseCitizenId } from '@hub/domain';
import { DEPARTMENT_SYSTEMS } from '@hub/infra';
import { seesPersonalData, type Actor } from '@hub/record';
import { shownText } from '../common/embedded-ids';

const SYSTEMS: string[] = DEPARTMENT_SYSTEMS.map((s) => s.slug);
const NAME_OF = new Map<string, string>(DEPARTMENT_SYSTEMS.map((s) => [s.slug, s.name]));
const SHOWN = 200;

export interface DeliveryHit {
  id: string;
  system: string;
  systemName: string;
  subjectType: string;
  subjectId: string;
  name: string | null;
  idNumber: string | null;
  externalId: string | null;
  version: number;
  status: string;
  action: string | null;
  attempts: number;
  errorKind: string | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type Row = Omit<DeliveryHit, 'systemName'> & { name: string | null; idNumber: string | null };

/**
 * Finds deliveries by whom they concern — a resident's full ID number or exact name — or by the
 * department's own record id. Exact matches only: an operator looks up a case, not a population.
 * Every person looked up is audited; who does not see personal data gets names and IDs masked.
 */
@Injectable()
export class DeliverySearch {
  constructor(private readonly db: DataSource) {}

  async search(actor: Actor, q: string, system?: string): Promise<DeliveryHit[]> {
    const people = await this.people(q);
    const linked: Array<{ subject_id: string }> = await this.db.query(
      `SELECT DISTINCT subject_id FROM system_link
        WHERE system = ANY($1) AND subject_type IN ('resident', 'household') AND external_id = $2`,
      [system ? [system] : SYSTEMS, q],
    );
    const ids = [...new Set([...people.map((p) => p.id), ...linked.map((l) => l.subject_id)])];
    if (ids.length === 0) return [];
    await this.audit(actor, people);
    const rows: Row[] = await this.db.query(
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
      [ids, system ?? null],
    );
    const personal = seesPersonalData(actor);
    return rows.map((r) => ({
      ...r,
      systemName: NAME_OF.get(r.system) ?? r.system,
      name: r.name && (personal ? r.name : maskName(r.name)),
      idNumber: r.idNumber && (personal ? r.idNumber : maskCitizenId(r.idNumber)),
      externalId: shownText(r.externalId, personal),
      lastError: shownText(r.lastError, personal),
    }));
  }

  /** Residents with exactly this ID number (a valid one) or exactly this name. */
  private people(q: string): Promise<Array<{ id: string; community_code: string }>> {
    const parsed = parseCitizenId(q);
    if (parsed.ok) {
      return this.db.query(`SELECT id, community_code FROM resident WHERE id_number = $1`, [parsed.id.value]);
    }
    const name = normaliseName(q);
    if (checkName(name) !== undefined) return Promise.resolve([]);
    return this.db.query(`SELECT id, community_code FROM resident WHERE name = $1 LIMIT 50`, [name]);
  }

  private async audit(actor: Actor, people: Array<{ id: string; community_code: string }>): Promise<void> {
    if (people.length === 0) return;
    await this.db.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id, community_code, correlation_id)
       SELECT $1, $2, 'resident.delivery-search', 'resident', id, community, $3
         FROM unnest($4::uuid[], $5::text[]) AS t(id, community)`,
      [
        actor.userId,
        actor.role,
        actor.correlationId ?? null,
        people.map((p) => p.id),
        people.map((p) => p.community_code),
      ],
    );
  }
}
