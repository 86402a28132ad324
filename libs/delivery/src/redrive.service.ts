import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeliveryQueues } from './delivery-queues.service';
import { TO_SEND } from './ledger-status';

/**
 * Nothing lost: the ledger in PostgreSQL, not Redis, says what is still owed. Re-enqueueing an
 * open subject that already has a job is a no-op (same job id), so the sweep is safe to repeat.
 */
@Injectable()
export class DeliveryRedrive {
  constructor(
    private readonly db: DataSource,
    private readonly queues: DeliveryQueues,
  ) {}

  async sweep(limit = 10_000): Promise<number> {
    await this.restorePauses();
    const rows: Array<{ system: string; subject_type: string; subject_id: string }> = await this.db.query(
      `SELECT DISTINCT system, subject_type, subject_id FROM delivery
        WHERE status IN ${TO_SEND} LIMIT $1`,
      [limit],
    );
    await this.queues.enqueue(
      rows.map((r) => ({ system: r.system, subjectType: r.subject_type, subjectId: r.subject_id })),
    );
    return rows.length;
  }

  /**
   * A pause is kept in PostgreSQL (connector_state) and applied to the queue in Redis; when Redis
   * lost its data the queue forgot it, so every sweep puts paused systems' queues back on pause.
   */
  private async restorePauses(): Promise<void> {
    const paused: Array<{ system: string }> = await this.db.query(
      `SELECT system FROM connector_state WHERE paused`,
    );
    for (const { system } of paused) {
      const queue = this.queues.queues.get(system);
      if (queue && !(await queue.isPaused())) await queue.pause();
    }
  }
}
