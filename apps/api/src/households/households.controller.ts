import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  canSeeCorrections,
  HouseholdRestructureService,
  HouseholdService,
  RecordError,
  RecordQueryService,
  type Actor,
} from '@hub/record';
import { CurrentActor, Roles, WRITERS } from '../auth/roles.decorator';
import { RecordIdPipe } from '../common/id-param.pipe';
import {
  ChangeHeadDto,
  HouseholdMoveOutDto,
  MergeHouseholdDto,
  SplitHouseholdDto,
} from './household-change.dto';
import { AssistanceDto, BirthDto, MemberDto, MoveInDto, RegisterHouseholdDto } from './household.dto';

/** A worker without the corrections permission may not set that status, even on a new person. */
function requireCorrectionsPermission(
  actor: Actor,
  members: Array<{ corrections?: unknown }>,
  path: (i: number) => string,
) {
  if (canSeeCorrections(actor)) return;
  const problems = members.flatMap((m, i) =>
    m.corrections ? [{ field: `${path(i)}corrections`, message: '您没有社区矫正信息的权限' }] : [],
  );
  if (problems.length > 0) throw new RecordError('forbidden', '您没有社区矫正信息的权限', problems);
}

@ApiTags('户')
@ApiBearerAuth()
@Controller('households')
export class HouseholdsController {
  constructor(
    private readonly households: HouseholdService,
    private readonly restructure: HouseholdRestructureService,
    private readonly queries: RecordQueryService,
  ) {}

  /** Registers a household with all its members in one change. */
  @Post()
  @Roles(...WRITERS)
  async register(@CurrentActor() actor: Actor, @Body() body: RegisterHouseholdDto) {
    requireCorrectionsPermission(actor, body.members, (i) => `members[${i}].`);
    const { result, eventId } = await this.households.register(actor, body);
    return {
      id: result.householdId,
      version: 1,
      members: result.residentIds.map((id) => ({ id, version: 1 })),
      eventId,
    };
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', RecordIdPipe) id: string) {
    return this.queries.household(actor, id);
  }

  /** A new person joins (first registration here); someone already recorded moves in instead. */
  @Post(':id/members')
  @Roles(...WRITERS)
  async addMember(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: MemberDto,
  ) {
    requireCorrectionsPermission(actor, [body], () => '');
    const { result, eventId } = await this.households.addMember(actor, id, body, 'household.member-added');
    return { id: result.residentId, version: 1, eventId };
  }

  @Post(':id/births')
  @Roles(...WRITERS)
  async birth(@CurrentActor() actor: Actor, @Param('id', RecordIdPipe) id: string, @Body() body: BirthDto) {
    requireCorrectionsPermission(actor, [body], () => '');
    const { result, eventId } = await this.households.addMember(
      actor,
      id,
      body,
      'resident.born',
      body.birthDate,
    );
    return { id: result.residentId, version: 1, eventId };
  }

  @Post(':id/move-ins')
  @Roles(...WRITERS)
  async moveIn(@CurrentActor() actor: Actor, @Param('id', RecordIdPipe) id: string, @Body() body: MoveInDto) {
    const { result, eventId } = await this.households.moveIn(actor, id, body);
    return { id: result.residentId, eventId };
  }

  /** The whole household moves away: every member moved out, the household closed. */
  @Post(':id/move-out')
  @HttpCode(200)
  @Roles(...WRITERS)
  async moveOut(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: HouseholdMoveOutDto,
  ) {
    const { result, eventId } = await this.households.moveOut(actor, id, body);
    return { id, ...result, eventId };
  }

  /** A new 户主 from among the members. */
  @Put(':id/head')
  @Roles(...WRITERS)
  async changeHead(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: ChangeHeadDto,
  ) {
    const { result, eventId } = await this.households.changeHead(actor, id, body);
    return { id, ...result, eventId };
  }

  @Put(':id/assistance')
  @Roles(...WRITERS)
  async setAssistance(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: AssistanceDto,
  ) {
    const { result, eventId } = await this.households.setAssistance(actor, id, body);
    return { id, ...result, eventId };
  }

  @Delete(':id/assistance')
  @HttpCode(200)
  @Roles(...WRITERS)
  async endAssistance(@CurrentActor() actor: Actor, @Param('id', RecordIdPipe) id: string) {
    const { result, eventId } = await this.households.setAssistance(actor, id, null);
    return { id, ...result, eventId };
  }

  /** 分户: the chosen members form a household of their own (the same home or a new address). */
  @Post(':id/split')
  @Roles(...WRITERS)
  async split(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: SplitHouseholdDto,
  ) {
    const { result, eventId } = await this.restructure.split(actor, id, body);
    return { id: result.householdId, from: id, eventId };
  }

  /** 合户: every member of another household of the community joins this one; that one closes. */
  @Post(':id/merge')
  @HttpCode(200)
  @Roles(...WRITERS)
  async merge(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: MergeHouseholdDto,
  ) {
    const { result, eventId } = await this.restructure.merge(actor, id, body);
    return { id, ...result, eventId };
  }
}
