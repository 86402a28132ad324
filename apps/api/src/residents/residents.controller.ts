import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseEnumPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RecordError, RecordQueryService, ResidentService, type Actor, type TagKind } from '@hub/record';
import { CurrentActor, Roles, WRITERS } from '../auth/roles.decorator';
import { RecordIdPipe } from '../common/id-param.pipe';
import {
  AddressChangeDto,
  ChangeResidentDto,
  CorrectionsDto,
  DateEventDto,
  DisabilityDto,
  EmploymentStatusDto,
  LivingStatusDto,
  MarriageDto,
  PensionStatusDto,
  TAG_KINDS,
} from './resident-change.dto';
import { SearchQueryDto } from './resident-search.dto';

const tagKind = new ParseEnumPipe(Object.fromEntries(TAG_KINDS.map((k) => [k, k])), {
  exceptionFactory: () => RecordError.notFound('状态类别'),
});

@ApiTags('居民')
@ApiBearerAuth()
@Controller('residents')
export class ResidentsController {
  constructor(
    private readonly residents: ResidentService,
    private readonly queries: RecordQueryService,
  ) {}

  /**
   * Search and lists within the caller's scope: by name, pinyin, the first or last digits of an
   * ID number, phone or address; filtered by age, category, status tags and grid; sorted.
   */
  @Get()
  search(@CurrentActor() actor: Actor, @Query() query: SearchQueryDto) {
    if (query.ageMin !== undefined && query.ageMax !== undefined && query.ageMin > query.ageMax) {
      throw RecordError.invalid([{ field: 'ageMax', message: '年龄上限不能小于年龄下限' }]);
    }
    return this.queries.search(actor, {
      q: query.q,
      page: query.page ?? 1,
      size: query.size ?? 20,
      includeInactive: query.includeInactive === 'true',
      ageMin: query.ageMin,
      ageMax: query.ageMax,
      registrationType: query.registrationType,
      tags: query.tags,
      gridCode: query.grid,
      sort: query.sort,
    });
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', RecordIdPipe) id: string) {
    return this.queries.resident(actor, id);
  }

  @Patch(':id')
  @Roles(...WRITERS)
  async change(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: ChangeResidentDto,
  ) {
    const { expectedVersion, reason, ...patch } = body;
    return flatten(await this.residents.change(actor, id, patch, expectedVersion, reason), id);
  }

  @Post(':id/death')
  @HttpCode(200)
  @Roles(...WRITERS)
  async death(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: DateEventDto,
  ) {
    return flatten(await this.residents.recordDeath(actor, id, body.date), id);
  }

  @Post(':id/move-out')
  @HttpCode(200)
  @Roles(...WRITERS)
  async moveOut(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: DateEventDto,
  ) {
    return flatten(await this.residents.moveOut(actor, id, body.date), id);
  }

  @Post(':id/address')
  @HttpCode(200)
  @Roles(...WRITERS)
  async address(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: AddressChangeDto,
  ) {
    return flatten(await this.residents.changeAddress(actor, id, body.address), id);
  }

  @Post(':id/marriage')
  @HttpCode(200)
  @Roles(...WRITERS)
  async marriage(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: MarriageDto,
  ) {
    return flatten(await this.residents.recordMarriage(actor, id, body.maritalStatus, body.spouseId), id);
  }

  @Put(':id/tags/disability')
  @Roles(...WRITERS)
  async disability(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: DisabilityDto,
  ) {
    return flatten(await this.residents.startTag(actor, id, { kind: 'disability', value: body }), id);
  }

  @Put(':id/tags/corrections')
  @Roles(...WRITERS)
  async corrections(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: CorrectionsDto,
  ) {
    return flatten(await this.residents.startTag(actor, id, { kind: 'corrections', value: body }), id);
  }

  @Put(':id/tags/living')
  @Roles(...WRITERS)
  async living(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: LivingStatusDto,
  ) {
    return flatten(await this.residents.startTag(actor, id, { kind: 'living', value: body }), id);
  }

  @Put(':id/tags/employment')
  @Roles(...WRITERS)
  async employment(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: EmploymentStatusDto,
  ) {
    return flatten(await this.residents.startTag(actor, id, { kind: 'employment', value: body }), id);
  }

  @Put(':id/tags/pension')
  @Roles(...WRITERS)
  async pension(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: PensionStatusDto,
  ) {
    return flatten(await this.residents.startTag(actor, id, { kind: 'pension', value: body }), id);
  }

  @Delete(':id/tags/:kind')
  @HttpCode(200)
  @Roles(...WRITERS)
  async endTag(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Param('kind', tagKind) kind: TagKind,
  ) {
    return flatten(await this.residents.endTag(actor, id, kind), id);
  }
}

function flatten(outcome: { result: { version: number }; eventId: string }, id: string) {
  return { id, version: outcome.result.version, eventId: outcome.eventId };
}
