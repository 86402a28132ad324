import { Module } from '@nestjs/common';
import { QueueBoard } from './admin/queue-board';
import { ConnectorInsightsController } from './connectors/connector-insights.controller';
import { ConnectorMetrics } from './connectors/connector-metrics.service';
import { DeliverySearch } from './connectors/delivery-search.service';
import { SubjectDeliveriesController } from './deliveries/subject-deliveries.controller';
import { SubjectDeliveriesService } from './deliveries/subject-deliveries.service';
import { ConsoleJobs } from './jobs/console-jobs.service';
import { JobsController } from './jobs/jobs.controller';
import { Reconciliations } from './jobs/reconciliations.service';

/** What the web console adds to the api: delivery states, metrics, search, long jobs, Bull Board. */
@Module({
  controllers: [SubjectDeliveriesController, ConnectorInsightsController, JobsController],
  providers: [
    SubjectDeliveriesService,
    ConnectorMetrics,
    DeliverySearch,
    ConsoleJobs,
    Reconciliations,
    QueueBoard,
  ],
  exports: [ConnectorMetrics, QueueBoard],
})
export class ConsoleModule {}
