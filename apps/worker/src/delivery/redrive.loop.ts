import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DeliveryRedrive } from '@hub/delivery';
import { RepeatingTask } from '../common/repeating-task';

const SWEEP_MS = 15_000;

/** Runs the re-drive sweep at start and every 15 s (covers Redis restarts and lost jobs). */
@Injectable()
export class DeliveryRedriveLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly task = new RepeatingTask(
    async () => {
      const subjects = await this.redrive.sweep();
      if (subjects > 0) this.logger.debug({ subjects }, 're-drove open deliveries');
      return SWEEP_MS;
    },
    (error) => this.logger.warn({ err: error.message }, 'delivery re-drive failed'),
    SWEEP_MS,
  );

  constructor(
    private readonly redrive: DeliveryRedrive,
    @InjectPinoLogger(DeliveryRedriveLoop.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onModuleDestroy(): void {
    this.task.stop();
  }
}
