import { Module } from '@nestjs/common';
import { ResolutionModule } from '@hub/resolution';
import { GoldenController } from './golden.controller';
import { ResolutionReportController } from './resolution-report.controller';
import { ReviewsController } from './reviews.controller';

/** De-duplication over HTTP: the review queue, golden records and the overlap report. */
@Module({
  imports: [ResolutionModule],
  controllers: [ReviewsController, GoldenController, ResolutionReportController],
})
export class ReviewsModule {}
