import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { BeforeApplicationShutdown } from '@nestjs/common';
import { JobName, QueueName } from '@hub/infra';
import { type Job, UnrecoverableError } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { FanoutService, type RouteOutcome } from './fanout.service';
import { parseRouteEventPayload } from './route-event-payload';

/**
 * Locks are shorter than BullMQ's 30 s default so that jobs held by a crashed worker return to
 * the queue within ~20 s; a job that takes a worker down three times is failed as poison.
 */
@Processor(QueueName.Fanout, {
  concurrency: 16,
  lockDuration: 10_000,
  stalledInterval: 5_000,
  maxStalledCount: 3,
})
export class FanoutProcessor extends WorkerHost implements BeforeApplicationShutdown {
  constructor(
    private readonly fanout: FanoutService,
    @InjectPinoLogger(FanoutProcessor.name) private readonly logger: PinoLogger,
  ) {
    super();
  }

  async process(job: Job<unknown>): Promise<RouteOutcome> {
    // The name comes from Redis, so any string may arrive: the default catches what the enum does not list.
    switch (job.name as JobName) {
      case JobName.RouteEvent:
        return this.fanout.route(parseRouteEventPayload(job.data));
      default:
        throw new UnrecoverableError(`the fanout queue has no handler for job "${job.name}"`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<unknown> | undefined, error: Error): void {
    const data = (job?.data ?? {}) as { correlationId?: unknown };
    this.logger.warn(
      {
        jobId: job?.id,
        attemptsMade: job?.attemptsMade,
        correlationId: data.correlationId,
        err: error.message,
      },
      'fan-out job failed',
    );
  }

  /** Redis hiccups (a wiped key, a dropped connection) are logged; BullMQ recovers by itself. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error.message }, 'fan-out worker error');
  }

  /** Finish in-flight jobs before the database pool closes (it closes in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
