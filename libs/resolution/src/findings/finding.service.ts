import { Injectable } from '@nestjs/common';
import {
  RecordError,
  ResidentService,
  scopeCondition,
  seesPersonalData,
  type Actor,
  type ResidentPatch,
} from '@hub/record';
import { DataSource } from 'typeorm';
import { isCorrectable } from './correctable';
import { FindingRepository, type DepartmentDuplicate, type FindingRow } from './finding.repository';

export { isCorrectable } from './correctable';

const HOLDING = 'holding:';

function assertWorker(actor: Actor): void {
  if (!seesPersonalData(actor)) throw new RecordError('forbidden', '您的角色不能处理数据核对');
}

/**
 * The data-quality worklist (数据核对): where departments disagreed at go-live, the value the hub
 * kept and each department's. A worker confirms the kept value or corrects it; either way the
 * departments holding something else are sent the result.
 */
@Injectable()
export class FindingService {
  constructor(
    private readonly db: DataSource,
    private readonly residents: ResidentService,
  ) {}

  async list(
    actor: Actor,
    filter: { status: string; field?: string; residentId?: string },
    page: { offset: number; limit: number },
  ): Promise<{ total: number; items: FindingRow[]; openByField: Record<string, number> }> {
    assertWorker(actor);
    const repository = new FindingRepository(this.db);
    const params: unknown[] = [];
    const scope = scopeCondition(actor, 'f.community_code', params);
    const result = await repository.page(scope, [...params], filter, page);
    return { ...result, openByField: await repository.openByField(scope, params) };
  }

  /** Per department, the residents it holds more than once (the per-department duplicate report). */
  async departmentDuplicates(actor: Actor): Promise<DepartmentDuplicate[]> {
    assertWorker(actor);
    const params: unknown[] = [];
    const scope = scopeCondition(actor, 'f.community_code', params);
    return new FindingRepository(this.db).departmentDuplicates(scope, params, 100);
  }

  /** The field an open finding in the actor's scope is about (what a correction must satisfy). */
  async fieldOf(actor: Actor, id: string): Promise<string> {
    assertWorker(actor);
    const params: unknown[] = [];
    const scope = scopeCondition(actor, 'f.community_code', params);
    const finding = await new FindingRepository(this.db).find(id, scope, params);
    if (!finding) throw RecordError.notFound('核对项');
    return finding.field;
  }

  /** The kept value stands: the departments holding another value (or the wrong holding) are sent it. */
  async confirm(actor: Actor, id: string): Promise<FindingRow> {
    assertWorker(actor);
    const finding = await this.decide(actor, id, 'confirmed', null, async (open, repository) => {
      const settle = open.field.startsWith(HOLDING);
      const systems = settle
        ? [open.field.slice(HOLDING.length)]
        : [...new Set(open.departmentValues.map((v) => v.system))];
      await repository.resend(open.subjectId, systems, settle, actor.userId);
    });
    return { ...finding, status: 'confirmed' };
  }

  /**
   * The worker's value replaces the kept one: a change of the resident like any other, so every
   * department holding the person receives it.
   */
  async correct(actor: Actor, id: string, value: string): Promise<FindingRow> {
    assertWorker(actor);
    const finding = await this.decide(actor, id, 'corrected', value, async (open) => {
      if (!isCorrectable(open.field)) {
        throw RecordError.invalid([
          { field: 'value', message: '此项（地址、在册情况）请在居民页面修改，或确认系统保留的值' },
        ]);
      }
      const patch: ResidentPatch = { [open.field]: value };
      await this.residents.change(actor, open.subjectId, patch, undefined, '数据核对：工作人员核实后更正');
    });
    return { ...finding, status: 'corrected', correctedValue: value };
  }

  private decide(
    actor: Actor,
    id: string,
    status: 'confirmed' | 'corrected',
    value: string | null,
    apply: (finding: FindingRow, repository: FindingRepository) => Promise<void>,
  ): Promise<FindingRow> {
    return this.db.transaction(async (tx) => {
      const repository = new FindingRepository(tx);
      const params: unknown[] = [];
      const finding = await repository.lock(id, scopeCondition(actor, 'f.community_code', params), params);
      if (!finding) throw RecordError.notFound('核对项');
      if (finding.status !== 'open') throw new RecordError('conflict', '该核对项已经处理过');
      await apply(finding, repository);
      await repository.decide(id, status, actor.userId, value);
      return finding;
    });
  }
}
