import type { EntityManager } from 'typeorm';
import { pinyinFull, pinyinInitials } from '@hub/domain';
import type { Actor, ChangeSource } from './actor';
import { AddressRepository } from './address.repository';
import { HouseholdMemberRepository } from './household-member.repository';
import { HouseholdRepository } from './household.repository';
import { RecordError } from './record-error';
import { ResidentRepository } from './resident.repository';
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

  /** The record's statements, all on this change's transaction. */
  readonly residents: ResidentRepository;
  readonly households: HouseholdRepository;
  readonly memberships: HouseholdMemberRepository;
  readonly addresses: AddressRepository;

  constructor(
    readonly tx: EntityManager,
    readonly actor: Actor,
    readonly source: ChangeSource,
  ) {
    this.residents = new ResidentRepository(tx);
    this.households = new HouseholdRepository(tx);
    this.memberships = new HouseholdMemberRepository(tx);
    this.addresses = new AddressRepository(tx);
  }

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
    const row = await this.residents.lockInScope(id, this.actor);
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
    const row = await this.households.lockInScope(id, this.actor);
    if (!row) throw RecordError.notFound('户');
    return row;
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
    const members = await this.residents.stepMembers(householdId, already);
    for (const member of members) this.touch('resident', member.id, member.version);
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
    const values: Record<string, unknown> = {};
    for (const field of changed) values[columns[field]] = patch[field] ?? null;
    Object.assign(values, extra);
    const repository = type === 'resident' ? this.residents : this.households;
    const version = await repository.update(String(row.id), values, this.sources(provenance));
    this.touch(type, String(row.id), version);
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
