import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canSeeCorrections, scopeCondition, seesPersonalData, type Actor } from './actor';
import { RecordError } from './record-error';
import { RESIDENT_SELECT, ResidentListRepository, type ResidentListFilter } from './resident-list.repository';
import { addressText, presentHistory, presentResident } from './resident-view';

type Row = Record<string, unknown>;

export interface SearchQuery extends Partial<ResidentListFilter> {
  page: number;
  size: number;
}

/** Reads of the unified record, always within the actor's scope; out of scope reads as absent. */
@Injectable()
export class RecordQueryService {
  constructor(private readonly db: DataSource) {}

  async search(actor: Actor, query: SearchQuery): Promise<{ total: number; items: Row[] }> {
    const tags = query.tags ?? [];
    // Who is under community corrections is seen only with that permission: not even as a count.
    if (tags.includes('corrections') && !canSeeCorrections(actor)) {
      throw new RecordError('forbidden', '您没有查看社区矫正人员的权限');
    }
    const params: unknown[] = [];
    const { total, rows } = await new ResidentListRepository(this.db).page(
      scopeCondition(actor, 'r.community_code', params),
      params,
      { ...query, includeInactive: !!query.includeInactive, tags, sort: query.sort ?? 'name' },
      seesPersonalData(actor),
      { limit: query.size, offset: (query.page - 1) * query.size },
    );
    return { total, items: rows.map((row) => presentResident(row, actor, false)) };
  }

  async resident(actor: Actor, id: string): Promise<Row> {
    const params: unknown[] = [id];
    const rows: Row[] = await this.db.query(
      `${RESIDENT_SELECT} WHERE r.id = $1 AND ${scopeCondition(actor, 'r.community_code', params)}`,
      params,
    );
    if (!rows[0]) throw RecordError.notFound('居民');
    // A retired duplicate's address leads to the resident it was merged into.
    if (rows[0].merged_into)
      return { ...(await this.resident(actor, String(rows[0].merged_into))), mergedFrom: id };
    const history: Row[] = await this.db.query(
      `SELECT v.*, u.display_name AS changed_by_name FROM resident_version v
         LEFT JOIN app_user u ON u.id = v.changed_by WHERE v.resident_id = $1 ORDER BY v.version`,
      [id],
    );
    await this.auditRead(actor, 'resident', id, String(rows[0].community_code));
    // Imported while a pair of its department records waits in the review queue: 疑似重复.
    const [{ suspected }]: Array<{ suspected: boolean }> = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM source_record_resident sr JOIN match_review m ON m.status = 'pending'
                        AND (m.a_record = sr.source_record_id OR m.b_record = sr.source_record_id)
                       WHERE sr.resident_id = $1) AS suspected`,
      [id],
    );
    return {
      ...presentResident(rows[0], actor, true),
      suspectedDuplicate: suspected,
      history: presentHistory(history, actor),
    };
  }

  async household(actor: Actor, id: string): Promise<Row> {
    const params: unknown[] = [id];
    const rows: Row[] = await this.db.query(
      `SELECT h.*, c.name AS community_name, a.estate, a.building, a.unit, a.room, a.grid_code
         FROM household h JOIN community c ON c.code = h.community_code JOIN address a ON a.id = h.address_id
        WHERE h.id = $1 AND ${scopeCondition(actor, 'h.community_code', params)}`,
      params,
    );
    const h = rows[0];
    if (!h) throw RecordError.notFound('户');
    const members: Row[] = await this.db.query(`${RESIDENT_SELECT} WHERE m.household_id = $1 ORDER BY m.id`, [
      id,
    ]);
    const history: Row[] = await this.db.query(
      `SELECT v.*, u.display_name AS changed_by_name FROM household_version v
         LEFT JOIN app_user u ON u.id = v.changed_by WHERE v.household_id = $1 ORDER BY v.version`,
      [id],
    );
    await this.auditRead(actor, 'household', id, String(h.community_code));
    const personal = seesPersonalData(actor);
    return {
      id: h.id,
      version: h.version,
      householdNo: h.household_no,
      type: h.type,
      status: h.status,
      communityCode: h.community_code,
      communityName: h.community_name,
      address: { id: h.address_id, text: personal ? addressText(h) : null, gridCode: h.grid_code },
      headResidentId: h.head_resident_id,
      assistance:
        personal && h.assistance_type
          ? { type: h.assistance_type, amount: h.assistance_amount, approvedOn: h.assistance_approved_on }
          : null,
      fieldSources: h.field_sources,
      members: members.map((m) => presentResident(m, actor, true)),
      history: presentHistory(history, actor),
    };
  }

  /** Every read of a person's record is audited (who looked at whom, when). */
  private async auditRead(actor: Actor, type: string, id: string, community: string): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id, community_code, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [actor.userId, actor.role, `${type}.read`, type, id, community, actor.correlationId ?? null],
    );
  }
}
