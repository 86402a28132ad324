import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  acceptedFields,
  HOUSEHOLD_FIELD_AUTHORITY,
  maskCitizenId,
  RESIDENT_FIELD_AUTHORITY,
} from '@hub/domain';
import type { Actor } from './actor';
import { ChangeWriter } from './change-writer';
import { leaveHousehold } from './membership';
import { RESIDENT_COLUMNS } from './resident-columns';
import { RecordError } from './record-error';
import { DepartmentChangeRepository } from './department-change.repository';

/** The department that issues citizen ID numbers (the authority for them). */
const issuesIdNumbers = (system: string): boolean => RESIDENT_FIELD_AUTHORITY.idNumber?.authority === system;

/** A change read from a department's feed, in unified-record field names and codes. */
export interface DepartmentChange {
  subjectType?: 'resident' | 'household';
  externalId: string | null;
  idNumber: string | null;
  fields: Record<string, unknown>;
  changedAt: string;
}

export type DepartmentChangeOutcome = 'applied' | 'unchanged' | 'held';

/** Changes from departments are made by the hub itself, on the department's authority. */
const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'admin',
  communityCode: null,
  streetCode: null,
  permissions: ['corrections'],
};

type Row = Record<string, unknown>;

/** Systems whose records are households, not persons (civil affairs: one document per household). */
const HOUSEHOLD_SYSTEMS: ReadonlySet<string> = new Set(['civil-assistance']);

/**
 * Applies a department's own change to the unified record under the field-authority table. The
 * change is written with the department as its source, so the router never echoes it back there.
 * A change about someone the hub does not know waits in the holding list.
 */
@Injectable()
export class DepartmentChangeService {
  private readonly subjects: DepartmentChangeRepository;

  constructor(private readonly writer: ChangeWriter) {
    this.subjects = new DepartmentChangeRepository(writer.dataSource);
  }

  async apply(system: string, change: DepartmentChange): Promise<DepartmentChangeOutcome> {
    const type = change.subjectType ?? (HOUSEHOLD_SYSTEMS.has(system) ? 'household' : 'resident');
    const subjectId = await this.find(system, type, change);
    if (!subjectId) {
      await this.hold(system, change, 'unknown-subject');
      return 'held';
    }
    try {
      await this.writer.run(SYSTEM_ACTOR, `${type}.changed-by-department`, system, async (ctx) => {
        const sources = (row: Row) => (field: string) =>
          (row.field_sources as Record<string, { at?: string }> | null)?.[field]?.at;
        if (type === 'household') {
          const row = await ctx.lockHousehold(subjectId);
          const patch = acceptedFields(
            HOUSEHOLD_FIELD_AUTHORITY,
            system,
            change.fields,
            sources(row),
            change.changedAt,
          );
          await ctx.updateHousehold(row, patch);
          return;
        }
        const row = await ctx.lockResident(subjectId);
        const accepted = acceptedFields(
          RESIDENT_FIELD_AUTHORITY,
          system,
          change.fields,
          sources(row),
          change.changedAt,
        );
        const patch = await this.withoutEchoes(ctx.tx, subjectId, system, accepted);
        // The number the police issue to a child the hub registered without one (a birth).
        if (change.idNumber && !row.id_number && issuesIdNumbers(system)) patch.idNumber = change.idNumber;
        // A death registered by the police, or a move away, ends the person's membership too.
        if (patch.lifeStatus === 'deceased' && row.life_status !== 'deceased') {
          await leaveHousehold(
            ctx,
            subjectId,
            String(patch.deathDate ?? change.changedAt.slice(0, 10)),
            'deceased',
          );
        }
        if (patch.residenceStatus === 'moved_out' && row.residence_status !== 'moved_out') {
          await leaveHousehold(
            ctx,
            subjectId,
            String(patch.movedOutOn ?? change.changedAt.slice(0, 10)),
            'moved_out',
          );
        }
        await ctx.updateResident(row, patch);
      });
      return 'applied';
    } catch (error) {
      // Nothing of the change is new or the department may set none of it: not an error.
      if (error instanceof RecordError && error.code === 'invalid') return 'unchanged';
      throw error;
    }
  }

  /**
   * Departments report the hub's own deliveries back in their feeds, stamped with their later
   * processing time. For a "newer wins" field the department does not own, a value the hub itself
   * held in an earlier version is such an echo (of something sent before a newer change), not a
   * finding of the department's: applying it would quietly undo the newer change.
   */
  private async withoutEchoes(
    tx: EntityManager,
    residentId: string,
    system: string,
    fields: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const versions = new DepartmentChangeRepository(tx);
    const kept: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(fields)) {
      const rule = RESIDENT_FIELD_AUTHORITY[field];
      const column = RESIDENT_COLUMNS[field as keyof typeof RESIDENT_COLUMNS];
      if (!rule || rule.authority === system || !column) {
        kept[field] = value;
        continue;
      }
      if (!(await versions.heldEarlier(residentId, column, String(value ?? '')))) kept[field] = value;
    }
    return kept;
  }

  /**
   * By the department's own id (cross reference), else by citizen ID (a household by its head's),
   * else, for a person the ID-number authority registered, the newborn waiting for that number;
   * found so, the link is kept.
   */
  private async find(
    system: string,
    type: 'resident' | 'household',
    change: DepartmentChange,
  ): Promise<string | undefined> {
    if (change.externalId) {
      const linked = await this.subjects.linked(system, type, change.externalId);
      if (linked) return linked;
    }
    const found =
      (change.idNumber ? await this.subjects.byIdNumber(type, change.idNumber) : undefined) ??
      (type === 'resident' ? await this.registeredBirth(system, change) : undefined);
    if (found && change.externalId) await this.subjects.keepLink(system, type, found, change.externalId);
    return found;
  }

  /** The child a birth registered by the police (with its new ID number) is about, if the hub has it. */
  private registeredBirth(system: string, change: DepartmentChange): Promise<string | undefined> {
    const { name, birthDate, gender, householdNo } = change.fields;
    if (!issuesIdNumbers(system) || !change.idNumber) return Promise.resolve(undefined);
    if (typeof name !== 'string' || typeof birthDate !== 'string' || typeof gender !== 'string')
      return Promise.resolve(undefined);
    return this.subjects.newbornAwaitingNumber({
      name,
      birthDate,
      gender,
      householdNo: typeof householdNo === 'string' ? householdNo : null,
    });
  }

  private async hold(system: string, change: DepartmentChange, reason: string): Promise<void> {
    await this.subjects.hold(
      system,
      change.externalId,
      change.idNumber ? maskCitizenId(change.idNumber) : null,
      change,
      reason,
    );
  }
}
