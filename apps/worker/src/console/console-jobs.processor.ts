import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { BeforeApplicationShutdown } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { ConsoleJobName, QueueName, type ReconcileJobPayload, type ReconcileJobResult } from '@hub/infra';
import { PromotionService, type PromotionSummary } from '@hub/resolution/departments';
import { ImportRuns, type ImportJobResult } from './import-runs.service';
import { ReconciliationRuns } from './reconciliation-runs.service';

/** Payloads come from Redis: anything may arrive, so they are checked before use. */
export function parseReconcilePayload(data: unknown): ReconcileJobPayload {
  const d = (data ?? {}) as Record<string, unknown>;
  if (typeof d.system !== 'string' || !/^[a-z-]{1,40}$/.test(d.system)) {
    throw new UnrecoverableError('对账任务缺少有效的系统标识');
  }
  const requestedBy = typeof d.requestedBy === 'string' ? d.requestedBy : null;
  return { system: d.system, repair: d.repair === true, requestedBy };
}

/** Who started a job (a user id), or 'console' when the payload does not say. */
function requester(data: unknown): string {
  const requestedBy = ((data ?? {}) as { requestedBy?: unknown }).requestedBy;
  return typeof requestedBy === 'string' ? requestedBy : 'console';
}

/**
 * Long work started from the console. One at a time per worker process: a reconciliation reads
 * every subject of the unified record and a department's whole export.
 */
@Processor(QueueName.Console, { concurrency: 1 })
export class ConsoleJobsProcessor extends WorkerHost implements BeforeApplicationShutdown {
  constructor(
    private readonly runs: ReconciliationRuns,
    private readonly imports: ImportRuns,
    private readonly promotion: PromotionService,
    @InjectPinoLogger(ConsoleJobsProcessor.name) private readonly logger: PinoLogger,
  ) {
    super();
  }

  async process(job: Job<unknown>): Promise<ReconcileJobResult | ImportJobResult | PromotionSummary> {
    switch (job.name as ConsoleJobName) {
      case ConsoleJobName.Reconcile: {
        const payload = parseReconcilePayload(job.data);
        const result = await this.runs.run(payload.system, {
          repair: payload.repair,
          requestedBy: payload.requestedBy,
          jobId: job.id ?? null,
          onProgress: (done, total) => job.updateProgress({ done, total }),
        });
        this.logger.info(result, 'reconciled from the console');
        return result;
      }
      case ConsoleJobName.Import: {
        const result = await this.imports.run(requester(job.data), (progress) =>
          job.updateProgress(progress),
        );
        this.logger.info(
          { systems: result.systems.length, golden: result.resolution.goldenRecords },
          'imported from the console',
        );
        return result;
      }
      case ConsoleJobName.Promote: {
        const result = await this.promotion.promote(requester(job.data), (progress) =>
          job.updateProgress({ ...progress }),
        );
        this.logger.info(
          { residents: result.residents, findings: result.findings },
          'promoted from the console',
        );
        return result;
      }
      default:
        throw new UnrecoverableError(`the console queue has no handler for job "${job.name}"`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<unknown> | undefined, error: Error): void {
    this.logger.warn({ jobId: job?.id, name: job?.name, err: error.message }, 'console job failed');
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error.message }, 'console worker error');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
