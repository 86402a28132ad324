import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { BatchFlusher } from '@hub/delivery';
import { HubConfig } from '@hub/infra';
import { RepeatingTask } from '../common/repeating-task';

/**
 * Flushes each batch system on its own cadence. A flush that found work runs again soon, so a
 * backlog drains; an idle system is looked at every BATCH_FLUSH_MS.
 */
@Injectable()
export class BatchFlusherLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly tasks: RepeatingTask[] = [];

  constructor(
    private readonly flusher: BatchFlusher,
    private readonly config: HubConfig,
    @InjectPinoLogger(BatchFlusherLoop.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    const idle = this.config.BATCH_FLUSH_MS;
    for (const connector of this.flusher.batchSystems()) {
      const task = new RepeatingTask(
        async () => {
          const r = await this.flusher.flush(connector);
          if (r.sent > 0) this.logger.info({ system: connector.slug, ...r }, 'batch flushed');
          return r.sent > 0 && r.retrying < r.sent ? 200 : idle;
        },
        (error) => this.logger.warn({ system: connector.slug, err: error.message }, 'batch flush failed'),
        idle,
      );
      task.start();
      this.tasks.push(task);
    }
  }

  onModuleDestroy(): void {
    for (const task of this.tasks) task.stop();
  }
}
