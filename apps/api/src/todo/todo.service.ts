import { Injectable } from '@nestjs/common';
import { DEPARTMENT_SYSTEMS } from '@hub/infra';
import { canSeeCorrections, RecordError, scopeCondition, type Actor } from '@hub/record';
import { ConnectorsService } from '../connectors/connectors.service';
import { refusalFix, type RefusalFix } from './refusal-fix';
import { TodoRepository, type OpenDeliveryRow } from './todo.repository';

const NAMES: ReadonlyMap<string, string> = new Map(DEPARTMENT_SYSTEMS.map((s) => [s.slug, s.name]));
/** Items of one kind shown at once: a community's list, not an operator's backlog. */
const LIMIT = 200;
const CORRECTIONS_SYSTEM = 'justice-corrections';

export interface TodoDelivery {
  id: string;
  system: string;
  systemName: string;
  subject: { type: 'resident' | 'household'; id: string; name: string | null };
  message: string | null;
  since: string;
}

export interface TodoList {
  refused: Array<TodoDelivery & { fix: RefusalFix }>;
  waiting: TodoDelivery[];
  reviews: number;
  findings: number;
}

const item = (row: OpenDeliveryRow): TodoDelivery => ({
  id: row.id,
  system: row.system,
  systemName: NAMES.get(row.system) ?? row.system,
  subject: { type: row.subject_type, id: row.subject_id, name: row.name },
  message: row.last_error,
  since: row.updated_at.toISOString(),
});

/**
 * 待办: in one place, what a community's worker has to act on, each with where it is fixed.
 * Whether someone is under community corrections shows only to those permitted to know.
 */
@Injectable()
export class TodoService {
  constructor(
    private readonly todo: TodoRepository,
    private readonly connectors: ConnectorsService,
  ) {}

  async list(actor: Actor): Promise<TodoList> {
    const hidden = canSeeCorrections(actor) ? [] : [CORRECTIONS_SYSTEM];
    const scoped = () => {
      const params: unknown[] = [];
      return { scope: scopeCondition(actor, 'c.community', params), params };
    };
    const refusals = scoped();
    const waits = scoped();
    const decisionParams: unknown[] = [];
    const reviewScope = scopeCondition(actor, 'r.community_code', decisionParams);
    const findingScope = scopeCondition(actor, 'f.community_code', decisionParams);
    const [refused, waiting, decisions] = await Promise.all([
      this.todo.refused(refusals.scope, refusals.params, hidden, LIMIT),
      this.todo.waiting(waits.scope, waits.params, hidden, LIMIT),
      this.todo.decisions(reviewScope, findingScope, decisionParams),
    ]);
    return {
      refused: refused.map((row) => ({ ...item(row), fix: refusalFix(row.last_error) })),
      waiting: waiting.map(item),
      ...decisions,
    };
  }

  /** Sends a refused delivery again (after the fix was made in the department, or the data is right). */
  async resend(actor: Actor, id: string): Promise<{ retried: number }> {
    const params: unknown[] = [];
    const found = await this.todo.refusalIn(id, scopeCondition(actor, 'c.community', params), params);
    if (!found || (found.system === CORRECTIONS_SYSTEM && !canSeeCorrections(actor)))
      throw RecordError.notFound('待办事项');
    return this.connectors.retry(found.system, { deliveryId: id });
  }
}
