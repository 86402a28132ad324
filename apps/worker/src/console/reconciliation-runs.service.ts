import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { ReconcileService, type ReconcileOptions } from '@hub/delivery';
import type { ReconcileJobResult } from '@hub/infra';

export interface RunOptions extends ReconcileOptions {
  requestedBy: string | null;
  jobId: string | null;
}

/**
 * One reconciliation of one system, kept in `reconciliation_run` whether it ends well or not, so
 * the console can show each system's latest result (console jobs and the nightly run alike).
 */
@Injectable()
export class ReconciliationRuns {
  constructor(
    private readonly reconciler: ReconcileService,
    private readonly db: DataSource,
  ) {}

  async run(system: string, options: RunOptions): Promise<ReconcileJobResult> {
    if (!this.reconciler.systems().includes(system)) {
      throw new UnrecoverableError('该系统不支持对账，或未在本服务中启用');
    }
    const startedAt = new Date();
    const meta = [system, options.jobId, options.requestedBy, !!options.repair, startedAt];
    try {
      const { differences, ...counts } = await this.reconciler.reconcile(system, options);
      const [{ id }]: Array<{ id: string }> = await this.db.query(
        `INSERT INTO reconciliation_run (system, job_id, requested_by, repair, started_at, status,
                expected, held, missing, extra, different, duplicates, repaired, differences)
         VALUES ($1, $2, $3, $4, $5, 'completed', $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [
          ...meta,
          counts.expected,
          counts.held,
          counts.missing,
          counts.extra,
          counts.different,
          counts.duplicates,
          counts.repaired,
          JSON.stringify(differences),
        ],
      );
      return { runId: String(id), ...counts };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.db.query(
        `INSERT INTO reconciliation_run (system, job_id, requested_by, repair, started_at, status, error)
         VALUES ($1, $2, $3, $4, $5, 'failed', $6)`,
        [...meta, message.slice(0, 500)],
      );
      throw error;
    }
  }
}
