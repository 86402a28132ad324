import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { HEAD_RELATIONS } from '@hub/domain';
import type { Actor } from './actor';
import type { ChangeContext } from './change-context';
import { ChangeWriter, type ChangeOutcome } from './change-writer';
import type { AddressInput } from './inputs';
import { RecordError } from './record-error';
import { checkGridCell } from './resident-insert';

/** A member of the household being formed, with their relation to its head (GB/T 4761). */
export interface MemberRelation {
  residentId: string;
  relation: string;
}

export interface SplitInput {
  /** Who leaves to form the new household: exactly one of them is its 户主. */
  members: MemberRelation[];
  /** Where the new household lives; the old address when absent (分户 in the same home). */
  address?: AddressInput;
  date: string;
  reason?: string;
}

export interface MergeInput {
  /** The household whose members all join this one; it is closed. */
  fromHouseholdId: string;
  /** Each joining member's relation to this household's head. */
  relations: MemberRelation[];
  date: string;
  reason?: string;
}

/** The members' current memberships began no later than the date of the move. */
async function checkDate(ctx: ChangeContext, residentIds: string[], date: string): Promise<void> {
  const joined = await ctx.memberships.latestJoin(residentIds);
  if (joined && joined > date)
    throw RecordError.invalid([{ field: 'date', message: `日期不能早于成员入户日期（${joined}）` }]);
}

/**
 * 分户 and 合户: part of a household forms a household of its own, or a whole household joins
 * another. Each is one change: every household and person touched gets a version, the departments
 * holding them hear of it once.
 */
@Injectable()
export class HouseholdRestructureService {
  constructor(private readonly writer: ChangeWriter) {}

  split(
    actor: Actor,
    householdId: string,
    input: SplitInput,
  ): Promise<ChangeOutcome<{ householdId: string }>> {
    return this.writer.run(actor, 'household.split', 'community', async (ctx) => {
      const household = await ctx.lockHousehold(householdId);
      if (household.status !== 'active')
        throw RecordError.invalid([{ field: 'members', message: '该户已注销' }]);
      const current = await ctx.memberships.lockCurrent(householdId);
      const leaving = new Set(input.members.map((m) => m.residentId));
      if (leaving.size !== input.members.length)
        throw RecordError.invalid([{ field: 'members', message: '分出成员不能重复' }]);
      if (input.members.some((m) => !current.some((c) => c.residentId === m.residentId)))
        throw RecordError.invalid([{ field: 'members', message: '分出成员须是本户现有成员' }]);
      if (current.every((c) => leaving.has(c.residentId)))
        throw RecordError.invalid([
          { field: 'members', message: '分户须在原户留下至少一人；全户迁走请用整户迁出' },
        ]);
      if (leaving.has(String(household.head_resident_id)))
        throw RecordError.invalid([{ field: 'members', message: '户主随分户离开时，请先为原户变更户主' }]);
      const heads = input.members.filter((m) => HEAD_RELATIONS.includes(m.relation));
      if (heads.length !== 1)
        throw RecordError.invalid([
          { field: 'members', message: '新户须有且只有一位户主（与户主关系填“户主”）' },
        ]);

      await checkDate(ctx, [...leaving], input.date);
      const community = String(household.community_code);
      if (input.address) await checkGridCell(ctx, community, input.address);
      const newId = randomUUID();
      const addressId = await ctx.households.insertSplit(
        {
          id: newId,
          type: String(household.type),
          communityCode: community,
          headResidentId: heads[0].residentId,
          fieldSources: ctx.sources(['type', 'addressId', 'headResidentId', 'members']),
        },
        input.address ?? String(household.address_id),
      );
      await ctx.memberships.move(input.members, newId, input.date, 'split');
      ctx.reason = input.reason?.trim() || null;
      await this.rehouse(ctx, [...leaving], addressId, community);
      await ctx.updateHousehold(await ctx.lockHousehold(newId), {}, true);
      await ctx.updateHousehold(household, {}, true);
      return { householdId: newId };
    });
  }

  merge(actor: Actor, householdId: string, input: MergeInput): Promise<ChangeOutcome<{ version: number }>> {
    return this.writer.run(actor, 'household.merged', 'community', async (ctx) => {
      if (input.fromHouseholdId === householdId)
        throw RecordError.invalid([{ field: 'fromHouseholdId', message: '不能与本户合户' }]);
      const target = await ctx.lockHousehold(householdId);
      const from = await ctx.lockHousehold(input.fromHouseholdId);
      if (target.status !== 'active' || from.status !== 'active')
        throw RecordError.invalid([{ field: 'fromHouseholdId', message: '已注销的户不能合户' }]);
      if (target.community_code !== from.community_code)
        throw RecordError.invalid([{ field: 'fromHouseholdId', message: '只能与本社区的户合户' }]);
      if (from.assistance_type)
        throw RecordError.invalid([
          { field: 'fromHouseholdId', message: '并入的户有低保等救助记录，请先由民政办理变更' },
        ]);
      const joining = await ctx.memberships.lockCurrent(input.fromHouseholdId);
      const given = new Map(input.relations.map((r) => [r.residentId, r.relation]));
      const missing = joining.filter((m) => !given.has(m.residentId));
      if (missing.length > 0 || given.size !== joining.length)
        throw RecordError.invalid([
          { field: 'relations', message: '请为并入户的每位成员填写与本户户主的关系' },
        ]);
      if ([...given.values()].some((r) => HEAD_RELATIONS.includes(r)))
        throw RecordError.invalid([{ field: 'relations', message: '本户已有户主，并入成员不能登记为户主' }]);
      await checkDate(ctx, [...given.keys()], input.date);
      await ctx.memberships.move(input.relations, householdId, input.date, 'merged');
      ctx.reason = input.reason?.trim() || null;
      await this.rehouse(
        ctx,
        input.relations.map((r) => r.residentId),
        String(target.address_id),
        String(target.community_code),
      );
      await ctx.updateHousehold(from, { status: 'dissolved', headResidentId: null }, true);
      await ctx.updateHousehold(target, {}, true);
      return { version: Number(target.version) + 1 };
    });
  }

  /** The members now live at their household's address. */
  private async rehouse(ctx: ChangeContext, residentIds: string[], addressId: string, community: string) {
    for (const id of residentIds) {
      const row = await ctx.lockResident(id);
      if (row.current_address_id !== addressId)
        await ctx.updateResident(row, { currentAddressId: addressId, communityCode: community });
    }
  }
}
