import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { HubConfig } from '@hub/infra';
import { CONNECTORS, type ConnectorRegistry } from './connector-registry';
import {
  DELIVER_JOB,
  DELIVER_JOB_OPTIONS,
  deliverJobId,
  deliveryQueueName,
  type DeliverPayload,
} from '@hub/infra';

/** The producers of the twelve delivery queues (one per system, online systems only). */
@Injectable()
export class DeliveryQueues implements OnModuleDestroy {
  readonly queues = new Map<string, Queue<DeliverPayload>>();

  constructor(@Inject(CONNECTORS) connectors: ConnectorRegistry, config: HubConfig) {
    for (const connector of connectors.values()) {
      if (connector.mode !== 'online') continue;
      const queue = new Queue<DeliverPayload>(deliveryQueueName(connector.slug), {
        connection: { url: config.REDIS_URL },
        prefix: config.QUEUE_PREFIX,
      });
      // A failed add surfaces as a rejected promise to the caller; the event only needs a listener.
      queue.on('error', () => undefined);
      this.queues.set(connector.slug, queue);
    }
  }

  /** Adds one job per (system, subject); a job already waiting for that subject absorbs the new one. */
  async enqueue(entries: Array<{ system: string; subjectType: string; subjectId: string }>): Promise<void> {
    const bySystem = new Map<string, DeliverPayload[]>();
    for (const e of entries) {
      if (!this.queues.has(e.system)) continue;
      const list = bySystem.get(e.system) ?? [];
      list.push({ subjectType: e.subjectType as DeliverPayload['subjectType'], subjectId: e.subjectId });
      bySystem.set(e.system, list);
    }
    await Promise.all(
      [...bySystem].map(([system, payloads]) =>
        this.queues.get(system)!.addBulk(
          payloads.map((data) => ({
            name: DELIVER_JOB,
            data,
            opts: { ...DELIVER_JOB_OPTIONS, jobId: deliverJobId(data.subjectType, data.subjectId) },
          })),
        ),
      ),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
