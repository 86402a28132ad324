import { type DynamicModule, Module } from '@nestjs/common';
import type { HubConfig } from '@hub/infra';
import { RecordModule } from '@hub/record';
import { BatchFlusher } from './batch-flusher.service';
import { buildConnectors } from './build-connectors';
import { CONNECTORS } from './connector-registry';
import { DeliveryQueues } from './delivery-queues.service';
import { DeliveryService } from './delivery.service';
import { InboundPoller } from './inbound-poller.service';
import { LedgerService } from '@hub/ledger';
import { DeliveryRedrive } from './redrive.service';
import { RouterService } from './router.service';
import { StatisticsReporter } from './statistics-reporter.service';
import { RedeliveryService } from './redelivery.service';
import { ReconcileService } from './reconcile.service';

const SERVICES = [
  LedgerService,
  RouterService,
  DeliveryQueues,
  DeliveryService,
  DeliveryRedrive,
  BatchFlusher,
  InboundPoller,
  StatisticsReporter,
  ReconcileService,
  RedeliveryService,
];

/** Routing, delivery, batching, inbound feeds and the ledger: used by the worker and the CLI. */
@Module({})
export class DeliveryModule {
  static forRoot(config: HubConfig): DynamicModule {
    return {
      module: DeliveryModule,
      imports: [RecordModule],
      providers: [{ provide: CONNECTORS, useValue: buildConnectors(config) }, ...SERVICES],
      exports: [CONNECTORS, RecordModule, ...SERVICES],
    };
  }
}
