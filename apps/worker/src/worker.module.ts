import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@hub/database';
import { DeliveryModule } from '@hub/delivery';
import { HubConfig, QueueName, pinoOptions } from '@hub/infra';
import { LoggerModule } from 'nestjs-pino';
import { ConsoleJobsProcessor } from './console/console-jobs.processor';
import { ImportRuns } from './console/import-runs.service';
import { ReconciliationRuns } from './console/reconciliation-runs.service';
import { IncrementalResolver, ResolverService } from '@hub/resolution';
import { ImportService, InboundMatcher, PromotionService } from '@hub/resolution/departments';
import { BatchFlusherLoop } from './delivery/batch-flusher.loop';
import { DeliveryWorkers } from './delivery/delivery-workers.service';
import { DeliveryRedriveLoop } from './delivery/redrive.loop';
import { FanoutProcessor } from './fanout/fanout.processor';
import { InboundPollerLoop } from './inbound/inbound-poller.loop';
import { MaintenanceService } from './maintenance/maintenance.service';
import { FanoutService } from './fanout/fanout.service';
import { OutboxRelayLoop } from './relay/outbox-relay.loop';
import { OutboxRelayService } from './relay/outbox-relay.service';

/** Makes the validated config injectable everywhere without re-reading process.env. */
@Global()
@Module({})
class WorkerConfigModule {
  static with(config: HubConfig): DynamicModule {
    return {
      module: WorkerConfigModule,
      providers: [{ provide: HubConfig, useValue: config }],
      exports: [HubConfig],
    };
  }
}

/**
 * The worker process. The config is passed in rather than read here so that tests can start
 * the same module against their own database and queue prefix.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: HubConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        WorkerConfigModule.with(config),
        LoggerModule.forRoot({ pinoHttp: pinoOptions(config, 'worker') }),
        TypeOrmModule.forRootAsync({
          // Preflight already proved PostgreSQL answers; retrying for half a minute would only hide a fault.
          useFactory: () => ({
            ...dataSourceOptions(config.DATABASE_URL, config.DB_POOL_SIZE),
            retryAttempts: 2,
          }),
        }),
        BullModule.forRootAsync({
          useFactory: () => ({ connection: { url: config.REDIS_URL }, prefix: config.QUEUE_PREFIX }),
        }),
        BullModule.registerQueue({ name: QueueName.Fanout }, { name: QueueName.Console }),
        DeliveryModule.forRoot(config),
      ],
      providers: [
        OutboxRelayService,
        OutboxRelayLoop,
        FanoutService,
        FanoutProcessor,
        DeliveryWorkers,
        DeliveryRedriveLoop,
        BatchFlusherLoop,
        InboundPollerLoop,
        MaintenanceService,
        ReconciliationRuns,
        ImportRuns,
        ImportService,
        PromotionService,
        ResolverService,
        IncrementalResolver,
        InboundMatcher,
        ConsoleJobsProcessor,
      ],
    };
  }
}
