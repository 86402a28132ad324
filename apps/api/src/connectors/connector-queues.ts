import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import {
  DELIVER_JOB,
  DELIVER_JOB_OPTIONS,
  deliverJobId,
  deliveryQueueName,
  HubConfig,
  type DeliverPayload,
} from '@hub/infra';

/** Producers of the delivery queues, for operators' pause / resume / retry (the api only produces). */
@Injectable()
export class ConnectorQueues implements OnModuleDestroy {
  private readonly queues = new Map<string, Queue<DeliverPayload>>();

  constructor(private readonly config: HubConfig) {}

  queue(system: string): Queue<DeliverPayload> {
    let queue = this.queues.get(system);
    if (!queue) {
      queue = new Queue<DeliverPayload>(deliveryQueueName(system), {
        connection: { url: this.config.REDIS_URL, maxRetriesPerRequest: 3 },
        prefix: this.config.QUEUE_PREFIX,
      });
      this.queues.set(system, queue);
    }
    return queue;
  }

  async enqueue(system: string, subjects: Array<{ subjectType: string; subjectId: string }>): Promise<void> {
    await this.queue(system).addBulk(
      subjects.map(({ subjectType, subjectId }) => ({
        name: DELIVER_JOB,
        data: { subjectType: subjectType as DeliverPayload['subjectType'], subjectId },
        opts: { ...DELIVER_JOB_OPTIONS, jobId: deliverJobId(subjectType, subjectId) },
      })),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
