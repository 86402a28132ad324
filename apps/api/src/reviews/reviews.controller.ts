import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@hub/record';
import { ReviewQueryService, ReviewService } from '@hub/resolution';
import { CurrentActor, Roles, WRITERS } from '../auth/roles.decorator';
import { ReviewIdPipe } from './review-id.pipe';
import { DEFAULT_REVIEW_PAGE, ReviewPageQuery } from './review-page.query';

/**
 * The duplicate-review queue: pairs the model could not decide, shown side by side with the
 * evidence per field. Only roles that see personal data review; IT operators do not.
 */
@ApiTags('重复人员审核')
@ApiBearerAuth()
@Roles(...WRITERS)
@Controller('reviews')
export class ReviewsController {
  constructor(
    private readonly queries: ReviewQueryService,
    private readonly reviews: ReviewService,
  ) {}

  /** Pending pairs in the caller's scope, the likeliest duplicates first. */
  @Get()
  pending(@CurrentActor() actor: Actor, @Query() query: ReviewPageQuery) {
    return this.queries.pending(actor, {
      offset: query.offset ?? 0,
      limit: query.limit ?? DEFAULT_REVIEW_PAGE,
    });
  }

  /** The two records are one person: their golden records become one. */
  @Post(':id/merge')
  @HttpCode(200)
  async merge(@CurrentActor() actor: Actor, @Param('id', ReviewIdPipe) id: string) {
    const { goldenId } = await this.reviews.merge(id, actor);
    return { id, status: 'merged', goldenId };
  }

  /** Two different people: remembered, so the pair is never proposed again. */
  @Post(':id/keep-apart')
  @HttpCode(200)
  async keepApart(@CurrentActor() actor: Actor, @Param('id', ReviewIdPipe) id: string) {
    await this.reviews.keepApart(id, actor);
    return { id, status: 'kept_apart' };
  }
}
