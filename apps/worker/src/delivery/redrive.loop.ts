import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DeliveryRedrive } from '@hub/delivery';

const SWEEP_MS = 15_000;

/** Runs the re-drive sweep at start and every 15 s (covers Redis restarts and lost jobs). */
@Injectable()
export class DeliveryRedriveLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redrive: DeliveryRedrive,
    @InjectPinoLogger(DeliveryRedriveLoop.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    const tick = (): void => {
      this.redrive
        .sweep()
        .then((n) => n > 0 && this.logger.debug({ subjects: n }, 're-drove open deliveries'))
        .catch((error: Error) => this.logger.warn({ err: error.message }, 'delivery re-drive failed'))
        .finally(() => {
          this.timer = setTimeout(tick, SWEEP_MS);
        });
    };
    tick();
  }

  onModuleDestroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
