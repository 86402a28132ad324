import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { RecordError, type Actor } from '@hub/record';
import { FindingService, isCorrectable } from '@hub/resolution';
import { CurrentActor, Roles, WRITERS } from '../auth/roles.decorator';
import { flattenValidationErrors } from '../common/validation-errors';
import { ChangeResidentDto } from '../residents/resident-change.dto';
import { DEFAULT_REVIEW_PAGE } from '../reviews/review-page.query';
import { CorrectFindingDto, FindingPageQuery } from './finding.dto';
import { FindingIdPipe } from './finding-id.pipe';

/**
 * The data-quality worklist (数据核对): where the departments disagreed at go-live, the value the
 * hub kept, each department's value and why. Workers of the community decide.
 */
@ApiTags('数据核对')
@ApiBearerAuth()
@Roles(...WRITERS)
@Controller('findings')
export class FindingsController {
  constructor(private readonly findings: FindingService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: FindingPageQuery) {
    return this.findings.list(
      actor,
      { status: query.status ?? 'open', field: query.field, residentId: query.residentId },
      { offset: query.offset ?? 0, limit: query.limit ?? DEFAULT_REVIEW_PAGE },
    );
  }

  /** Per department, the residents it holds more than once: for the department to merge. */
  @Get('department-duplicates')
  departmentDuplicates(@CurrentActor() actor: Actor) {
    return this.findings.departmentDuplicates(actor);
  }

  /** The kept value is right: the departments holding another are sent it. */
  @Post(':id/confirm')
  @HttpCode(200)
  confirm(@CurrentActor() actor: Actor, @Param('id', FindingIdPipe) id: string) {
    return this.findings.confirm(actor, id);
  }

  /** The worker's value is right: the resident is changed, and every department holding them is sent it. */
  @Post(':id/correct')
  @HttpCode(200)
  async correct(
    @CurrentActor() actor: Actor,
    @Param('id', FindingIdPipe) id: string,
    @Body() body: CorrectFindingDto,
  ) {
    const field = await this.findings.fieldOf(actor, id);
    if (!isCorrectable(field)) {
      throw RecordError.invalid([
        { field: 'value', message: '此项（地址、在册情况）请在居民页面修改，或确认系统保留的值' },
      ]);
    }
    // The value is checked as the resident form checks that field (format, code table, ID check digit).
    const patch = plainToInstance(ChangeResidentDto, { [field]: body.value });
    const problems = flattenValidationErrors(await validate(patch, { whitelist: true }));
    if (problems.length > 0) {
      throw RecordError.invalid(problems.map((p) => ({ field: 'value', message: p.message })));
    }
    return this.findings.correct(actor, id, String((patch as unknown as Record<string, unknown>)[field]));
  }
}
