import type { EntityManager } from 'typeorm';
import { pinyinFull, pinyinInitials } from '@hub/domain';
import { scopeCondition, type Actor, type ChangeSource } from './actor';
import { RecordError } from './record-error';
import { returnedRows } from './sql';
import {
  fromRow,
  HOUSEHOLD_COLUMNS,
  RESIDENT_COLUMNS,
  type HouseholdFields,
  type ResidentFields,
} from './resident-columns';

export type SubjectType = 'resident' | 'household';

export interface TouchedSubject {
  type: SubjectType;
  id: string;
  version: number;
}

type Row = Record<string, unknown>;

/**
 * Household fields that each member's own record shows (resident snapshots carry them: the
 * police 户号, the grid platform's 低保户 tag). When one changes, the members change with it.
 */
const SHOWN_ON_MEMBERS: readonly string[] = ['householdNo', 'assistanceType'];

/**
 * One change in the making: every mutation inside it happens in one transaction and is recorded
 * as a touched subject, so the writer can add versions, one audit row and one outbox event.
 */
export class ChangeContext {
  private readonly touched = new Map<string, TouchedSubject>();
  readonly now = new Date().toISOString();
  /** Why, in the worker's words (required for a correction of identity); kept on each version. */
  reason: string | null = null;
  /** What the change turned out to be, where that is known only once the record is read. */
  kind: string | null = null;

  constructor(
    readonly tx: EntityManager,
    readonly actor: Actor,
    readonly source: ChangeSource,
  ) {}

  get subjects(): TouchedSubject[] {
    return [...this.touched.values()];
  }

  touch(type: SubjectType, id: string, version: number): void {
    this.touched.set(`${type}:${id}`, { type, id, version });
  }

  /** Provenance entries for the given fields, all set now by this change's source. */
  sources(fields: readonly string[]): string {
    const entry = { source: this.source, at: this.now };
    return JSON.stringify(Object.fromEntries(fields.map((f) => [f, entry])));
  }

  /** Locks a resident in the actor's scope for update; out of scope reads as not found. */
  async lockResident(id: string, expectedVersion?: number): Promise<Row> {
    const params: unknown[] = [id];
    const scope = scopeCondition(this.actor, 'community_code', params);
    const rows: Row[] = await this.tx.query(
      `SELECT * FROM resident WHERE id = $1 AND ${scope} FOR UPDATE`,
      params,
    );
    const row = rows[0];
    if (!row) throw RecordError.notFound('居民');
    if (row.merged_into) {
      throw new RecordError('conflict', '该居民档案已与另一档案合并为同一人，请在合并后的档案上修改');
    }
    if (expectedVersion !== undefined && row.version !== expectedVersion) {
      throw new RecordError(
        'stale-version',
        `该居民信息已被他人修改（当前为第${String(row.version)}版），请刷新后再提交`,
      );
    }
    return row;
  }

  async lockHousehold(id: string): Promise<Row> {
    const params: unknown[] = [id];
    const scope = scopeCondition(this.actor, 'community_code', params);
    const rows: Row[] = await this.tx.query(
      `SELECT * FROM household WHERE id = $1 AND ${scope} FOR UPDATE`,
      params,
    );
    if (!rows[0]) throw RecordError.notFound('户');
    return rows[0];
  }

  /** Applies the fields that really change; a no-op patch leaves the version as it is. */
  async updateResident(row: Row, patch: Partial<ResidentFields>): Promise<string[]> {
    const changed = changedFields(RESIDENT_COLUMNS, row, patch);
    if (changed.length === 0) return [];
    const extra: Record<string, unknown> = {};
    if (changed.includes('name')) {
      extra.name_pinyin = pinyinFull(patch.name ?? '');
      extra.name_initials = pinyinInitials(patch.name ?? '');
    }
    await this.bumpVersion('resident', row, RESIDENT_COLUMNS, patch, changed, changed, extra);
    return changed;
  }

  /** As updateResident; `membersChanged` bumps the version when only the member list changed. */
  async updateHousehold(
    row: Row,
    patch: Partial<HouseholdFields>,
    membersChanged = false,
  ): Promise<string[]> {
    const changed = changedFields(HOUSEHOLD_COLUMNS, row, patch);
    if (changed.length === 0 && !membersChanged) return [];
    const provenance = membersChanged ? [...changed, 'members'] : changed;
    await this.bumpVersion('household', row, HOUSEHOLD_COLUMNS, patch, changed, provenance);
    // The member list shows on each member too (spouse, number of children, the head): a change
    // to it, or to a household field members show, gives every member a new version.
    if (membersChanged || changed.some((field) => SHOWN_ON_MEMBERS.includes(field))) {
      await this.touchMembers(String(row.id));
    }
    return changed;
  }

  /**
   * A new version of every current member (no field of theirs changed), so systems re-read them;
   * members this change already gave a new version keep it.
   */
  private async touchMembers(householdId: string): Promise<void> {
    const already = this.subjects.filter((s) => s.type === 'resident').map((s) => s.id);
    const members = returnedRows<{ id: string; version: number }>(
      await this.tx.query(
        `UPDATE resident SET version = version + 1, updated_at = now()
          WHERE id IN (SELECT resident_id FROM household_member WHERE household_id = $1 AND left_on IS NULL)
            AND NOT (id = ANY($2::uuid[]))
          RETURNING id, version`,
        [householdId, already],
      ),
    );
    for (const member of members) this.touch('resident', member.id, Number(member.version));
  }

  private async bumpVersion<M extends Record<string, string>>(
    type: SubjectType,
    row: Row,
    columns: M,
    patch: Partial<Record<keyof M, string | null>>,
    changed: Array<keyof M>,
    provenance: string[],
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const params: unknown[] = [row.id];
    const assign = (column: string, value: unknown): string => {
      params.push(value);
      return `${column} = $${params.length}, `;
    };
    const sets = [
      ...changed.map((field) => assign(columns[field], patch[field] ?? null)),
      ...Object.entries(extra).map(([column, value]) => assign(column, value)),
    ];
    params.push(this.sources(provenance));
    const [updated] = returnedRows<Row>(
      await this.tx.query(
        `UPDATE ${type} SET ${sets.join('')}version = version + 1, updated_at = now(),
           field_sources = field_sources || $${params.length}::jsonb
         WHERE id = $1 RETURNING version`,
        params,
      ),
    );
    this.touch(type, String(row.id), Number(updated.version));
  }
}

/** The patch's fields whose value differs from the stored row. */
function changedFields<M extends Record<string, string>>(
  columns: M,
  row: Row,
  patch: Partial<Record<keyof M, string | null>>,
): Array<keyof M & string> {
  const before = fromRow(columns, row);
  return (Object.keys(patch) as Array<keyof M & string>).filter(
    (field) => (patch[field] ?? null) !== before[field],
  );
}
