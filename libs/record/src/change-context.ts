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
 * One change in the making: every mutation inside it happens in one transaction and is recorded
 * as a touched subject, so the writer can add versions, one audit row and one outbox event.
 */
export class ChangeContext {
  private readonly touched = new Map<string, TouchedSubject>();
  readonly now = new Date().toISOString();

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
    const before = fromRow(RESIDENT_COLUMNS, row);
    const changed = (Object.keys(patch) as Array<keyof ResidentFields>).filter(
      (field) => (patch[field] ?? null) !== before[field],
    );
    if (changed.length === 0) return [];
    const params: unknown[] = [row.id];
    const sets = changed.map((field) => {
      params.push(patch[field] ?? null);
      return `${RESIDENT_COLUMNS[field]} = $${params.length}`;
    });
    if (changed.includes('name')) {
      params.push(pinyinFull(patch.name ?? ''), pinyinInitials(patch.name ?? ''));
      sets.push(`name_pinyin = $${params.length - 1}`, `name_initials = $${params.length}`);
    }
    params.push(this.sources(changed));
    const [updated] = returnedRows<Row>(
      await this.tx.query(
        `UPDATE resident SET ${sets.join(', ')}, version = version + 1, updated_at = now(),
         field_sources = field_sources || $${params.length}::jsonb
       WHERE id = $1 RETURNING version`,
        params,
      ),
    );
    this.touch('resident', String(row.id), Number(updated.version));
    return changed;
  }

  async updateHousehold(
    row: Row,
    patch: Partial<HouseholdFields>,
    membersChanged = false,
  ): Promise<string[]> {
    const before = fromRow(HOUSEHOLD_COLUMNS, row);
    const changed = (Object.keys(patch) as Array<keyof HouseholdFields>).filter(
      (field) => (patch[field] ?? null) !== before[field],
    );
    if (changed.length === 0 && !membersChanged) return [];
    const params: unknown[] = [row.id];
    const sets = changed.map((field) => {
      params.push(patch[field] ?? null);
      return `${HOUSEHOLD_COLUMNS[field]} = $${params.length}, `;
    });
    const provenance = membersChanged ? [...changed, 'members'] : changed;
    params.push(this.sources(provenance));
    const [updated] = returnedRows<Row>(
      await this.tx.query(
        `UPDATE household SET ${sets.join('')}version = version + 1, updated_at = now(),
         field_sources = field_sources || $${params.length}::jsonb
       WHERE id = $1 RETURNING version`,
        params,
      ),
    );
    this.touch('household', String(row.id), Number(updated.version));
    return changed;
  }
}
