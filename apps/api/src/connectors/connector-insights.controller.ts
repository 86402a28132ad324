import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@hub/record';
import { CurrentActor, Roles } from '../auth/roles.decorator';
import { ConsoleJobs } from '../jobs/console-jobs.service';
import { Reconciliations } from '../jobs/reconciliations.service';
import { ConnectorMetrics } from './connector-metrics.service';
import { DeliverySearchQuery, MetricsQuery, ReconcileQuery } from './console-queries.dto';
import { DeliverySearch } from './delivery-search.service';

/** The IT operators' dashboard beyond the queues: charts, delivery search, reconciliations. */
@ApiTags('部门接口')
@ApiBearerAuth()
@Roles('it_operator', 'admin')
@Controller('connectors')
export class ConnectorInsightsController {
  constructor(
    private readonly metrics: ConnectorMetrics,
    private readonly search: DeliverySearch,
    private readonly jobs: ConsoleJobs,
    private readonly reconciliations: Reconciliations,
  ) {}

  /** Confirmed and failed deliveries and p95 latency per system, per minute (hour) or quarter hour (day). */
  @Get('metrics')
  series(@Query() query: MetricsQuery) {
    return this.metrics.series(query.range ?? 'hour');
  }

  @Get('deliveries')
  deliveries(@CurrentActor() actor: Actor, @Query() query: DeliverySearchQuery) {
    return this.search.search(actor, query.q, query.system);
  }

  @Get('reconciliations')
  latestReconciliations(@CurrentActor() actor: Actor) {
    return this.reconciliations.latest(actor);
  }

  /** Starts a reconciliation in the worker; follow it at GET /api/jobs/:id. */
  @Post(':system/reconcile')
  @HttpCode(202)
  reconcile(@CurrentActor() actor: Actor, @Param('system') system: string, @Query() query: ReconcileQuery) {
    return this.jobs.reconcile(actor, system, query.repair === 'true');
  }
}
