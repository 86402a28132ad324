import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConnectorStateRepository } from '@hub/ledger';
import { DeliveryLedgerRepository } from '@hub/ledger';
import { DeliveryQueues } from './delivery-queues.service';

/**
 * Nothing lost: the ledger in PostgreSQL, not Redis, says what is still owed. Re-enqueueing an
 * open subject that already has a job is a no-op (same job id), so the sweep is safe to repeat.
 */
@Injectable()
export class DeliveryRedrive {
  private readonly rows: DeliveryLedgerRepository;
  private readonly state: ConnectorStateRepository;

  constructor(
    db: DataSource,
    private readonly queues: DeliveryQueues,
  ) {
    this.rows = new DeliveryLedgerRepository(db);
    this.state = new ConnectorStateRepository(db);
  }

  async sweep(limit = 10_000): Promise<number> {
    await this.restorePauses();
    const open = await this.rows.open(limit);
    await this.queues.enqueue(open);
    return open.length;
  }

  /**
   * A pause is kept in PostgreSQL (connector_state) and applied to the queue in Redis; when Redis
   * lost its data the queue forgot it, so every sweep puts paused systems' queues back on pause.
   */
  private async restorePauses(): Promise<void> {
    for (const system of await this.state.pausedSystems()) {
      const queue = this.queues.queues.get(system);
      if (queue && !(await queue.isPaused())) await queue.pause();
    }
  }
}
