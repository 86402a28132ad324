import { Module } from '@nestjs/common';
import { RecordModule } from '@hub/record';
import { FindingService } from './findings/finding.service';
import { DuplicateCheckService } from './duplicate-check.service';
import { GoldenExportService } from './golden-export.service';
import { IncrementalResolver } from './incremental-resolver.service';
import { OverlapReportService } from './overlap-report.service';
import { ResolverService } from './resolver.service';
import { ReviewQueryService } from './review-query.service';
import { ReviewService } from './review.service';

const SERVICES = [
  DuplicateCheckService,
  ResolverService,
  IncrementalResolver,
  ReviewService,
  ReviewQueryService,
  GoldenExportService,
  OverlapReportService,
  FindingService,
];

/**
 * Resolution without the connectors (the api loads this). The import, promotion and inbound
 * matching need DeliveryModule's connectors: the worker and the CLI provide them
 * (`@hub/resolution/departments`).
 */
@Module({ imports: [RecordModule], providers: SERVICES, exports: SERVICES })
export class ResolutionModule {}
