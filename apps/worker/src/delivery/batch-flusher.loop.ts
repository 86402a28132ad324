import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { HubConfig } from '@hub/infra';
import { BatchFlusher } from '@hub/delivery';

/**
 * Flushes each batch system on its own cadence. A flush that found work runs again soon, so a
 * backlog drains; an idle system is looked at every BATCH_FLUSH_MS.
 */
@Injectable()
export class BatchFlusherLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly flusher: BatchFlusher,
    private readonly config: HubConfig,
    @InjectPinoLogger(BatchFlusherLoop.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    for (const connector of this.flusher.batchSystems()) {
      const tick = (): void => {
        void this.flusher
          .flush(connector)
          .then((r) => {
            if (r.sent > 0) this.logger.info({ system: connector.slug, ...r }, 'batch flushed');
            return r.sent > 0 && r.retrying < r.sent ? 200 : this.config.BATCH_FLUSH_MS;
          })
          .catch((error: Error) => {
            this.logger.warn({ system: connector.slug, err: error.message }, 'batch flush failed');
            return this.config.BATCH_FLUSH_MS;
          })
          .then((delay) => {
            if (this.stopped) return;
            const timer = setTimeout(() => {
              this.timers.delete(timer);
              tick();
            }, delay);
            this.timers.add(timer);
          });
      };
      tick();
    }
  }

  onModuleDestroy(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
  }
}
