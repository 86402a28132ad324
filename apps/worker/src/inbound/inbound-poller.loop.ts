import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { InboundPoller } from '@hub/delivery';
import { HubConfig } from '@hub/infra';
import { InboundMatcher } from '@hub/resolution/departments';
import { RepeatingTask } from '../common/repeating-task';

/**
 * Polls every feed on its own timer; a page that brought changes is followed at once by the next.
 * Each page's records are also matched against the golden records as they arrive.
 */
@Injectable()
export class InboundPollerLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly tasks: RepeatingTask[] = [];

  constructor(
    private readonly poller: InboundPoller,
    private readonly matcher: InboundMatcher,
    private readonly config: HubConfig,
    @InjectPinoLogger(InboundPollerLoop.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    const idle = this.config.INBOUND_POLL_MS;
    for (const connector of this.poller.feeds()) {
      const task = new RepeatingTask(
        async () => {
          const r = await this.poller.poll(connector, async (system, changes) => {
            const matched = await this.matcher.accept(system, changes);
            if (matched.linked + matched.review + matched.new > 0) {
              this.logger.info({ system, ...matched }, 'department records matched to golden records');
            }
          });
          const seen = r.applied + r.unchanged + r.held;
          if (seen > 0) this.logger.info({ system: connector.slug, ...r }, 'department changes read');
          return seen > 0 ? 0 : idle;
        },
        (error) => this.logger.warn({ system: connector.slug, err: error.message }, 'change feed failed'),
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
