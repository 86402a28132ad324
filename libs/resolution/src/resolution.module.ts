import { Module } from '@nestjs/common';
import { RecordModule } from '@hub/record';
import { FindingService } from './findings/finding.service';
import { DuplicateCheckService } from './duplicate-check.service';
import { GoldenExportService } from './golden-export.service';
import { InboundMatcher } from './inbound-matcher.service';
import { IncrementalResolver } from './incremental-resolver.service';
import { OverlapReportService } from './overlap-report.service';
import { ResolverService } from './resolver.service';
import { ReviewQueryService } from './review-query.service';
import { ReviewService } from './review.service';

const SERVICES = [
  DuplicateCheckService,
  ResolverService,
  IncrementalResolver,
  InboundMatcher,
  ReviewService,
  ReviewQueryService,
  GoldenExportService,
  OverlapReportService,
  FindingService,
];

/** Resolution without the connectors (the API); `ImportService` needs DeliveryModule's connectors. */
@Module({ imports: [RecordModule], providers: SERVICES, exports: SERVICES })
export class ResolutionModule {}
