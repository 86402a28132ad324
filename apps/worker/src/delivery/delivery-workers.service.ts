import { Inject, Injectable, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DelayedError, Worker, type Job } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { ConnectorError } from '@hub/connectors';
import { HubConfig, isDepartmentSystem } from '@hub/infra';
import { DELIVER_JOB, deliveryQueueName, jitteredBackoff, type DeliverPayload } from '@hub/infra';
import {
  CONNECTORS,
  DeliveryQueues,
  DeliveryService,
  type ConnectorRegistry,
  type DeliveryOutcome,
} from '@hub/delivery';
import { LedgerService } from '@hub/ledger';

/**
 * One BullMQ worker per online system. A failing subject is retried on its own (exponential
 * backoff with jitter) and never blocks the others; a 429 waits out Retry-After without spending
 * an attempt.
 */
@Injectable()
export class DeliveryWorkers implements OnModuleInit, BeforeApplicationShutdown {
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(CONNECTORS) private readonly connectors: ConnectorRegistry,
    private readonly delivery: DeliveryService,
    private readonly ledger: LedgerService,
    private readonly queues: DeliveryQueues,
    private readonly config: HubConfig,
    @InjectPinoLogger(DeliveryWorkers.name) private readonly logger: PinoLogger,
  ) {}

  onModuleInit(): void {
    for (const connector of this.connectors.values()) {
      if (connector.mode !== 'online') continue;
      const perSecond = isDepartmentSystem(connector.slug)
        ? this.config.departments().ratePerSecond(connector.slug)
        : undefined;
      const worker = new Worker<DeliverPayload, DeliveryOutcome>(
        deliveryQueueName(connector.slug),
        (job, token) => this.process(connector.slug, job, token),
        {
          connection: { url: this.config.REDIS_URL },
          prefix: this.config.QUEUE_PREFIX,
          concurrency: connector.concurrency ?? 8,
          lockDuration: 30_000,
          limiter: perSecond ? { max: perSecond, duration: 1000 } : undefined,
          settings: { backoffStrategy: (attemptsMade: number) => jitteredBackoff(attemptsMade) },
        },
      );
      // A change routed while this subject's job was running was absorbed by the running job's id;
      // if anything is still owed, the subject goes straight back in the queue.
      worker.on('completed', (job) => {
        const { subjectType, subjectId } = job.data;
        void this.ledger
          .hasOpen(connector.slug, subjectType, subjectId)
          .then((open) =>
            open ? this.queues.enqueue([{ system: connector.slug, subjectType, subjectId }]) : undefined,
          )
          .catch((error: Error) =>
            this.logger.warn({ system: connector.slug, err: error.message }, 're-enqueue failed'),
          );
      });
      worker.on('failed', (job, error) =>
        this.logger.warn(
          { system: connector.slug, jobId: job?.id, attempts: job?.attemptsMade, err: error.message },
          'delivery failed',
        ),
      );
      // Redis hiccups (a wiped key, a dropped connection) are logged; BullMQ recovers by itself.
      worker.on('error', (error) =>
        this.logger.warn({ system: connector.slug, err: error.message }, 'delivery worker error'),
      );
      this.workers.push(worker);
    }
  }

  private async process(system: string, job: Job<DeliverPayload>, token?: string): Promise<DeliveryOutcome> {
    if (job.name !== DELIVER_JOB) throw new Error(`unknown job ${job.name} on ${system}`);
    try {
      return await this.delivery.deliver(system, job.data);
    } catch (error) {
      const retryAfterMs = error instanceof ConnectorError ? error.details.retryAfterMs : undefined;
      if (retryAfterMs !== undefined && token) {
        // The department asked us to come back later: that is not a failed attempt.
        await job.moveToDelayed(Date.now() + retryAfterMs, token);
        throw new DelayedError();
      }
      throw error;
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
