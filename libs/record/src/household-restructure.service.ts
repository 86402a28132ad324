import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { HEAD_RELATIONS } from '@hub/domain';
import type { Actor } from './actor';
import type { ChangeContext } from './change-context';
import { ChangeWriter, type ChangeOutcome } from './change-writer';
import type { AddressInput } from './inputs';
import { lockMembers } from './membership';
import { RecordError } from './record-error';
import { addressUpsertSql, checkGridCell } from './resident-insert';

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
  const [{ joined }]: Array<{ joined: string | null }> = await ctx.tx.query(
    `SELECT max(joined_on)::text AS joined FROM household_member
      WHERE resident_id = ANY($1::uuid[]) AND left_on IS NULL`,
    [residentIds],
  );
  if (joined && joined > date)
    throw RecordError.invalid([{ field: 'date', message: `日期不能早于成员入户日期（${joined}）` }]);
}

/**
 * The members leave their household and join `to`, in the change's transaction. Two statements:
 * one person's current membership is unique, and the statements of one query's CTEs run in no
 * set order, so the old one must be ended first.
 */
async function moveMemberships(
  ctx: ChangeContext,
  members: MemberRelation[],
  to: string,
  date: string,
  reason: string,
): Promise<void> {
  const ids = members.map((m) => m.residentId);
  await ctx.tx.query(
    `UPDATE household_member SET left_on = $2, left_reason = $3
      WHERE resident_id = ANY($1::uuid[]) AND left_on IS NULL`,
    [ids, date, reason],
  );
  await ctx.tx.query(
    `INSERT INTO household_member (household_id, resident_id, relation, joined_on)
     SELECT $1, m.resident_id, m.relation, $3 FROM unnest($2::uuid[], $4::char(2)[]) AS m(resident_id, relation)`,
    [to, ids, date, members.map((m) => m.relation)],
  );
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
      const current = await lockMembers(ctx, householdId);
      const leaving = new Set(input.members.map((m) => m.residentId));
      if (leaving.size !== input.members.length)
        throw RecordError.invalid([{ field: 'members', message: '分出成员不能重复' }]);
      if (input.members.some((m) => !current.some((c) => c.resident_id === m.residentId)))
        throw RecordError.invalid([{ field: 'members', message: '分出成员须是本户现有成员' }]);
      if (current.every((c) => leaving.has(c.resident_id)))
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
      const params: unknown[] = [];
      let addressSql = `SELECT $1::uuid AS id`;
      if (input.address) {
        await checkGridCell(ctx, community, input.address);
        addressSql = addressUpsertSql(params, community, input.address);
      } else params.push(household.address_id);
      const newId = randomUUID();
      params.push(
        newId,
        household.type,
        community,
        heads[0].residentId,
        ctx.sources(['type', 'addressId', 'headResidentId', 'members']),
      );
      const n = params.length;
      const [{ address_id }]: Array<{ address_id: string }> = await ctx.tx.query(
        // Version 0: the change's own version step below makes it version 1 with its members.
        `WITH new_address AS (${addressSql})
         INSERT INTO household (id, type, community_code, head_resident_id, field_sources, address_id, version)
         VALUES ($${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n}, (SELECT id FROM new_address), 0)
         RETURNING address_id`,
        params,
      );
      await moveMemberships(ctx, input.members, newId, input.date, 'split');
      ctx.reason = input.reason?.trim() || null;
      await this.rehouse(ctx, [...leaving], address_id, community);
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
      const joining = await lockMembers(ctx, input.fromHouseholdId);
      const given = new Map(input.relations.map((r) => [r.residentId, r.relation]));
      const missing = joining.filter((m) => !given.has(m.resident_id));
      if (missing.length > 0 || given.size !== joining.length)
        throw RecordError.invalid([
          { field: 'relations', message: '请为并入户的每位成员填写与本户户主的关系' },
        ]);
      if ([...given.values()].some((r) => HEAD_RELATIONS.includes(r)))
        throw RecordError.invalid([{ field: 'relations', message: '本户已有户主，并入成员不能登记为户主' }]);
      await checkDate(ctx, [...given.keys()], input.date);
      await moveMemberships(ctx, input.relations, householdId, input.date, 'merged');
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
