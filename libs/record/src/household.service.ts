import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { chinaToday, HEAD_RELATIONS } from '@hub/domain';
import { canWrite, type Actor } from './actor';
import type { ChangeContext } from './change-context';
import { ChangeWriter, type ChangeOutcome } from './change-writer';
import type { AssistanceInput, MemberInput, RegisterHouseholdInput } from './inputs';
import { RecordError } from './record-error';
import { fromRow, RESIDENT_COLUMNS } from './resident-columns';
import { ResidentRepository } from './resident.repository';
import {
  checkGridCell,
  insertResidents,
  newResidents,
  refuseKnownIdNumbers,
  residentFields,
} from './resident-insert';

export interface RegisteredHousehold {
  householdId: string;
  residentIds: string[];
}

const today = (): string => chinaToday();

@Injectable()
export class HouseholdService {
  /** Outside any change: the answer to a registration its unique index refused. */
  private readonly residents: ResidentRepository;

  constructor(private readonly writer: ChangeWriter) {
    this.residents = new ResidentRepository(writer.dataSource);
  }

  /** A whole household with all its members, in one change. */
  async register(actor: Actor, input: RegisterHouseholdInput): Promise<ChangeOutcome<RegisteredHousehold>> {
    try {
      return await this.insertHousehold(actor, input);
    } catch (error) {
      // The unique index is the check (one round trip less on every registration); when it
      // fires, the answer still names where each known person is recorded.
      if (error instanceof RecordError && error.problems[0]?.field === 'idNumber') {
        await refuseKnownIdNumbers(
          this.residents,
          input.members.map((m, i) => ({ field: `members[${i}].idNumber`, idNumber: m.idNumber })),
        );
      }
      throw error;
    }
  }

  /** The whole household is registered in one statement (see HouseholdRepository.register). */
  private insertHousehold(
    actor: Actor,
    input: RegisterHouseholdInput,
  ): Promise<ChangeOutcome<RegisteredHousehold>> {
    return this.writer.run(actor, 'household.registered', 'community', async (ctx) => {
      const communityCode = await resolveCommunity(ctx, input.communityCode);
      await checkGridCell(ctx, communityCode, input.address);
      const residents = newResidents(
        ctx,
        input.members.map((m) => residentFields(m, communityCode, null)),
        true,
      );
      const residentIds = residents.map((r) => r.id);
      const householdId = randomUUID();
      const headIndex = input.members.findIndex((m) => HEAD_RELATIONS.includes(m.relation));
      const assistance = input.assistance;
      await ctx.households.register(
        {
          id: householdId,
          householdNo: input.householdNo ?? null,
          type: input.type,
          communityCode,
          headResidentId: residentIds[headIndex],
          assistanceType: assistance?.type ?? null,
          assistanceAmount: assistance?.amount ?? null,
          assistanceApprovedOn: assistance?.approvedOn ?? null,
          fieldSources: ctx.sources([
            'householdNo',
            'type',
            'addressId',
            'headResidentId',
            'members',
            ...(assistance ? ['assistanceType', 'assistanceAmount', 'assistanceApprovedOn'] : []),
          ]),
        },
        input.address,
        residents,
        input.members.map((m, i) => ({ residentId: residentIds[i], relation: m.relation })),
        input.joinedOn ?? today(),
      );
      ctx.touch('household', householdId, 1);
      return { householdId, residentIds };
    });
  }

  /** A new person joins a household: a birth, or someone registered here for the first time. */
  addMember(
    actor: Actor,
    householdId: string,
    member: MemberInput,
    kind: 'household.member-added' | 'resident.born',
    joinedOn = today(),
  ): Promise<ChangeOutcome<{ residentId: string }>> {
    return this.writer.run(actor, kind, 'community', async (ctx) => {
      const household = await ctx.lockHousehold(householdId);
      if (HEAD_RELATIONS.includes(member.relation)) {
        throw RecordError.invalid([{ field: 'relation', message: '该户已有户主，新成员不能登记为户主' }]);
      }
      await refuseKnownIdNumbers(ctx.residents, [{ field: 'idNumber', idNumber: member.idNumber }]);
      const community = String(household.community_code);
      const [residentId] = await insertResidents(ctx, [
        residentFields(member, community, String(household.address_id)),
      ]);
      await ctx.memberships.join(householdId, [{ residentId, relation: member.relation }], joinedOn);
      await ctx.updateHousehold(household, {}, true);
      return { residentId };
    });
  }

  /**
   * The whole household moves away (迁出) in one change: every current member is moved out on
   * the date, the household is closed, and the destination and reason are kept on each version.
   */
  moveOut(
    actor: Actor,
    householdId: string,
    move: { date: string; destination: string; reason?: string },
  ): Promise<ChangeOutcome<{ residentIds: string[] }>> {
    return this.writer.run(actor, 'household.moved-out', 'community', async (ctx) => {
      const household = await ctx.lockHousehold(householdId);
      if (household.status !== 'active')
        throw RecordError.invalid([{ field: 'date', message: '该户已注销' }]);
      const members = await ctx.memberships.lockCurrent(householdId);
      if (members.length === 0) throw RecordError.invalid([{ field: 'date', message: '该户没有在册成员' }]);
      ctx.reason = `迁往${move.destination}${move.reason ? `：${move.reason}` : ''}`;
      for (const { residentId } of members) {
        const resident = await ctx.residents.get(residentId);
        const born = fromRow(RESIDENT_COLUMNS, resident).birthDate;
        if (born && born > move.date) {
          throw RecordError.invalid([{ field: 'date', message: '迁出日期不能早于成员的出生日期' }]);
        }
        await ctx.updateResident(resident, { residenceStatus: 'moved_out', movedOutOn: move.date });
      }
      await ctx.memberships.endAll(householdId, move.date, 'moved_out');
      await ctx.updateHousehold(household, { status: 'dissolved' }, true);
      return { residentIds: members.map((m) => m.residentId) };
    });
  }

  /**
   * A new 户主 (the head died, moved away, or the family decided): the new head's relation
   * becomes 户主 and the former head, if still here, takes the relation the worker gives.
   */
  changeHead(
    actor: Actor,
    householdId: string,
    change: { residentId: string; formerHeadRelation?: string },
  ): Promise<ChangeOutcome<{ version: number }>> {
    return this.writer.run(actor, 'household.head-changed', 'community', async (ctx) => {
      const household = await ctx.lockHousehold(householdId);
      const members = await ctx.memberships.lockCurrent(householdId);
      if (!members.some((m) => m.residentId === change.residentId)) {
        throw RecordError.invalid([{ field: 'residentId', message: '新户主须是本户现有成员' }]);
      }
      const former = household.head_resident_id as string | null;
      if (former === change.residentId) {
        throw RecordError.invalid([{ field: 'residentId', message: '该成员已是户主' }]);
      }
      const formerStays = !!former && members.some((m) => m.residentId === former);
      if (formerStays && !change.formerHeadRelation) {
        throw RecordError.invalid([{ field: 'formerHeadRelation', message: '请填写原户主与新户主的关系' }]);
      }
      if (change.formerHeadRelation && HEAD_RELATIONS.includes(change.formerHeadRelation)) {
        throw RecordError.invalid([{ field: 'formerHeadRelation', message: '一户只能有一位户主' }]);
      }
      await ctx.memberships.setRelation(householdId, change.residentId, '02');
      if (formerStays) await ctx.memberships.setRelation(householdId, former, change.formerHeadRelation!);
      await ctx.updateHousehold(household, { headResidentId: change.residentId }, true);
      return { version: Number(household.version) + 1 };
    });
  }

  setAssistance(
    actor: Actor,
    householdId: string,
    assistance: AssistanceInput | null,
  ): Promise<ChangeOutcome<{ version: number }>> {
    return setAssistance(this.writer, actor, householdId, assistance);
  }

  /**
   * Someone already in the record moves into this household (from another community or
   * household): their old membership ends, they now belong to this community.
   */
  moveIn(
    actor: Actor,
    householdId: string,
    move: { idNumber: string; relation: string; date?: string },
  ): Promise<ChangeOutcome<{ residentId: string }>> {
    return this.writer.run(actor, 'resident.moved-in', 'community', async (ctx) => {
      const household = await ctx.lockHousehold(householdId);
      if (HEAD_RELATIONS.includes(move.relation)) {
        throw RecordError.invalid([{ field: 'relation', message: '该户已有户主，迁入成员不能登记为户主' }]);
      }
      // The person may live in another community: found by the full ID number the worker holds
      // in hand (the 户口簿 or 迁移证), never by browsing other communities.
      const residentId = await ctx.residents.lockLivingByIdNumber(move.idNumber);
      if (!residentId) {
        throw RecordError.invalid([
          { field: 'idNumber', message: '系统中没有该公民身份号码的在世居民，请办理新登记' },
        ]);
      }
      const date = move.date ?? today();
      const left = await ctx.memberships.leave(residentId, date, 'moved');
      if (left[0] === householdId) {
        throw RecordError.invalid([{ field: 'idNumber', message: '该居民已是本户成员' }]);
      }
      for (const oldHousehold of left) {
        await ctx.updateHousehold(await ctx.households.lock(oldHousehold), {}, true);
      }
      const resident = await ctx.residents.get(residentId);
      await ctx.updateResident(resident, {
        communityCode: String(household.community_code),
        currentAddressId: String(household.address_id),
        residenceStatus: 'present',
        movedOutOn: null,
      });
      await ctx.memberships.join(householdId, [{ residentId, relation: move.relation }], date);
      await ctx.updateHousehold(household, {}, true);
      return { residentId };
    });
  }
}

/** 低保 / 低保边缘 / 特困 is granted to a household; ending it keeps the history in the versions. */
function setAssistance(
  writer: ChangeWriter,
  actor: Actor,
  householdId: string,
  assistance: AssistanceInput | null,
): Promise<ChangeOutcome<{ version: number }>> {
  const kind = assistance ? 'household.tag-started.assistance' : 'household.tag-ended.assistance';
  return writer.run(actor, kind, 'community', async (ctx) => {
    if (!canWrite(actor)) throw new RecordError('forbidden', '运维人员不能修改居民信息');
    const household = await ctx.lockHousehold(householdId);
    if (!assistance && !household.assistance_type) {
      throw RecordError.invalid([{ field: 'kind', message: '该户没有低保、低保边缘或特困记录' }]);
    }
    await ctx.updateHousehold(household, {
      assistanceType: assistance?.type ?? null,
      assistanceAmount: assistance?.amount ?? null,
      assistanceApprovedOn: assistance?.approvedOn ?? null,
    });
    return { version: ctx.subjects[0]?.version ?? Number(household.version) };
  });
}

/** The community a change is made in: a worker's own; others must name one within their scope. */
export async function resolveCommunity(ctx: ChangeContext, requested: string | undefined): Promise<string> {
  const actor: Actor = ctx.actor;
  if (!canWrite(actor)) throw new RecordError('forbidden', '运维人员不能修改居民信息');
  if (actor.role === 'community_worker') {
    if (requested && requested !== actor.communityCode) {
      throw new RecordError('forbidden', '只能登记本社区的居民', [
        { field: 'communityCode', message: '只能登记本社区的居民' },
      ]);
    }
    return actor.communityCode as string;
  }
  if (!requested) {
    throw RecordError.invalid([{ field: 'communityCode', message: '请选择社区' }]);
  }
  const streetCode = actor.role === 'street_supervisor' ? actor.streetCode : undefined;
  if (!(await ctx.addresses.communityExists(requested, streetCode))) {
    throw RecordError.invalid([{ field: 'communityCode', message: '社区不存在，或不在您的管辖范围内' }]);
  }
  return requested;
}
