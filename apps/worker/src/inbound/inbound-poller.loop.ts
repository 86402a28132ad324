import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { HubConfig } from '@hub/infra';
import { InboundPoller } from '@hub/delivery';

/** Polls every feed on its own timer; a page that brought changes is followed at once by the next. */
@Injectable()
export class InboundPollerLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly poller: InboundPoller,
    private readonly config: HubConfig,
    @InjectPinoLogger(InboundPollerLoop.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    for (const connector of this.poller.feeds()) {
      const tick = (): void => {
        void this.poller
          .poll(connector)
          .then((r) => {
            const seen = r.applied + r.unchanged + r.held;
            if (seen > 0) this.logger.info({ system: connector.slug, ...r }, 'department changes read');
            return seen > 0 ? 0 : this.config.INBOUND_POLL_MS;
          })
          .catch((error: Error) => {
            this.logger.warn({ system: connector.slug, err: error.message }, 'change feed failed');
            return this.config.INBOUND_POLL_MS;
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
