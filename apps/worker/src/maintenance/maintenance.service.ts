import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { ReconcileService, StatisticsReporter } from '@hub/delivery';
import { HubConfig } from '@hub/infra';
import { ReconciliationRuns } from '../console/reconciliation-runs.service';

const QUEUE = 'maintenance';
const RECONCILE = 'reconcile-all';
const MONTHLY_REPORT = 'monthly-statistics-report';

/**
 * Scheduled work: reconciliation of every system each night, and the statistics report on the
 * 1st of each month (the platform accepts revisions until the 5th). Job schedulers are upserted
 * by id, so every worker process may declare them; each run happens once.
 */
@Injectable()
export class MaintenanceService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private queue: Queue | undefined;
  private worker: Worker | undefined;

  constructor(
    private readonly config: HubConfig,
    private readonly reconciler: ReconcileService,
    private readonly runs: ReconciliationRuns,
    private readonly reporter: StatisticsReporter,
    @InjectPinoLogger(MaintenanceService.name) private readonly logger: PinoLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const connection = { url: this.config.REDIS_URL };
    this.queue = new Queue(QUEUE, { connection, prefix: this.config.QUEUE_PREFIX });
    await this.queue.upsertJobScheduler(
      RECONCILE,
      { pattern: '0 3 * * *', tz: 'Asia/Shanghai' },
      { name: RECONCILE },
    );
    await this.queue.upsertJobScheduler(
      MONTHLY_REPORT,
      { pattern: '0 2 1 * *', tz: 'Asia/Shanghai' },
      { name: MONTHLY_REPORT },
    );
    this.worker = new Worker(QUEUE, (job) => this.run(job), {
      connection,
      prefix: this.config.QUEUE_PREFIX,
      concurrency: 1,
    });
  }

  private async run(job: Job): Promise<unknown> {
    switch (job.name) {
      case RECONCILE: {
        const summaries = [];
        for (const system of this.reconciler.systems()) {
          const counts = await this.runs.run(system, { repair: true, requestedBy: null, jobId: null });
          this.logger.info(counts, 'reconciled');
          summaries.push(counts);
        }
        return summaries;
      }
      case MONTHLY_REPORT: {
        const submitted = await this.reporter.submit(StatisticsReporter.previousPeriod());
        return { communities: submitted.length };
      }
      default:
        throw new Error(`the maintenance queue has no handler for "${job.name}"`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
  }
}
