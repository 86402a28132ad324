import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canSeeCorrections, scopeCondition, seesPersonalData, type Actor } from './actor';
import { AuditLogRepository } from './audit-log.repository';
import { HouseholdRepository } from './household.repository';
import { RecordError } from './record-error';
import { ResidentListRepository, type ResidentListFilter } from './resident-list.repository';
import { ResidentRepository } from './resident.repository';
import { addressText, presentHistory, presentResident } from './resident-view';

type Row = Record<string, unknown>;

export interface SearchQuery extends Partial<ResidentListFilter> {
  page: number;
  size: number;
}

/** Reads of the unified record, always within the actor's scope; out of scope reads as absent. */
@Injectable()
export class RecordQueryService {
  private readonly lists: ResidentListRepository;
  private readonly residents: ResidentRepository;
  private readonly households: HouseholdRepository;
  /** Every read of a person's record is audited (who looked at whom, when). */
  private readonly audit: AuditLogRepository;

  constructor(db: DataSource) {
    this.lists = new ResidentListRepository(db);
    this.residents = new ResidentRepository(db);
    this.households = new HouseholdRepository(db);
    this.audit = new AuditLogRepository(db);
  }

  async search(actor: Actor, query: SearchQuery): Promise<{ total: number; items: Row[] }> {
    const tags = query.tags ?? [];
    // Who is under community corrections is seen only with that permission: not even as a count.
    if (tags.includes('corrections') && !canSeeCorrections(actor)) {
      throw new RecordError('forbidden', '您没有查看社区矫正人员的权限');
    }
    const params: unknown[] = [];
    const { total, rows } = await this.lists.page(
      scopeCondition(actor, 'r.community_code', params),
      params,
      { ...query, includeInactive: !!query.includeInactive, tags, sort: query.sort ?? 'name' },
      seesPersonalData(actor),
      { limit: query.size, offset: (query.page - 1) * query.size },
    );
    return { total, items: rows.map((row) => presentResident(row, actor, false)) };
  }

  async resident(actor: Actor, id: string): Promise<Row> {
    const row = await this.residents.view(id, actor);
    if (!row) throw RecordError.notFound('居民');
    // A retired duplicate's address leads to the resident it was merged into.
    if (row.merged_into) return { ...(await this.resident(actor, String(row.merged_into))), mergedFrom: id };
    const history = await this.residents.history(id);
    await this.audit.read(actor, 'resident', id, String(row.community_code));
    // Imported while a pair of its department records waits in the review queue: 疑似重复.
    const suspected = await this.residents.suspectedDuplicate(id);
    return {
      ...presentResident(row, actor, true),
      suspectedDuplicate: suspected,
      history: presentHistory(history, actor),
    };
  }

  async household(actor: Actor, id: string): Promise<Row> {
    const h = await this.households.view(id, actor);
    if (!h) throw RecordError.notFound('户');
    const members = await this.households.members(id);
    const history = await this.households.history(id);
    await this.audit.read(actor, 'household', id, String(h.community_code));
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
}
