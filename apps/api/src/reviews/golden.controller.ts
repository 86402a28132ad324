import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@hub/record';
import { ReviewQueryService, ReviewService } from '@hub/resolution';
import { CurrentActor, Roles, WRITERS } from '../auth/roles.decorator';
import { RecordIdPipe } from '../common/id-param.pipe';

/** One resolved person (golden record) with the departments' records behind it. */
@ApiTags('统一人员档案')
@ApiBearerAuth()
@Controller('golden')
export class GoldenController {
  constructor(
    private readonly queries: ReviewQueryService,
    private readonly reviews: ReviewService,
  ) {}

  /** Its values, source records and history; IT operators see it masked. */
  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', RecordIdPipe) id: string) {
    return this.queries.golden(id, actor);
  }

  /** Undoes a wrong merge: one golden record per source record, kept apart from then on. */
  @Post(':id/unmerge')
  @HttpCode(200)
  @Roles(...WRITERS)
  unmerge(@CurrentActor() actor: Actor, @Param('id', RecordIdPipe) id: string) {
    return this.reviews.unmerge(id, actor);
  }
}
