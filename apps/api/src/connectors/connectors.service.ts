import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEPARTMENT_SYSTEMS, isDepartmentSystem } from '@hub/infra';
import { RecordError } from '@hub/record';
import { ConnectorLedgerRepository } from './connector-ledger.repository';
import { ConnectorMetrics } from './connector-metrics.service';
import { ConnectorQueues } from './connector-queues';
import { ConnectorStateRepository } from '@hub/ledger';

type Row = Record<string, unknown>;

/** What IT staff see and steer: queues, ledger counts, failures with the department's reasons. */
@Injectable()
export class ConnectorsService {
  private readonly ledger: ConnectorLedgerRepository;
  private readonly state: ConnectorStateRepository;

  constructor(
    db: DataSource,
    private readonly queues: ConnectorQueues,
    private readonly metrics: ConnectorMetrics,
  ) {
    this.ledger = new ConnectorLedgerRepository(db);
    this.state = new ConnectorStateRepository(db);
  }

  async overview(): Promise<Row[]> {
    const counts = await this.ledger.statusCounts();
    const paused = await this.state.pausedSystems();
    const recent = await this.metrics.recent();
    const now = Date.now();
    return Promise.all(
      DEPARTMENT_SYSTEMS.map(async ({ slug, name, mode }) => {
        const mine = counts.filter((c) => c.system === slug);
        const oldest = mine.map((c) => c.oldestOpen).find((d) => d);
        const jobs: Record<string, number> =
          mode === 'online'
            ? await this.queues.queue(slug).getJobCounts('waiting', 'active', 'delayed', 'prioritized')
            : {};
        return {
          system: slug,
          name,
          mode,
          paused: paused.includes(slug),
          ledger: Object.fromEntries(mine.map((c) => [c.status, c.count])),
          oldestOpenAt: oldest ?? null,
          oldestOpenAgeSeconds: oldest ? Math.max(0, Math.round((now - oldest.getTime()) / 1000)) : null,
          jobs,
          ...recent.get(slug),
        };
      }),
    );
  }

  async setPaused(system: string, paused: boolean): Promise<{ system: string; paused: boolean }> {
    this.known(system);
    await this.state.setPaused(system, paused);
    const queue = this.queues.queue(system);
    if (paused) await queue.pause();
    else await queue.resume();
    return { system, paused };
  }

  /** Failures of one system (optionally of one error kind), newest first. */
  failures(system: string, errorKind?: string, limit = 100): Promise<Row[]> {
    this.known(system);
    return this.ledger.failures(system, errorKind ?? null, limit);
  }

  /** Re-opens failed deliveries (all of one error kind, or one) and queues their subjects again. */
  async retry(
    system: string,
    filter: { errorKind?: string; deliveryId?: string },
  ): Promise<{ retried: number }> {
    this.known(system);
    const rows = await this.ledger.reopenFailed(system, filter.errorKind ?? null, filter.deliveryId ?? null);
    if (filter.deliveryId && rows.length === 0) throw RecordError.notFound('失败的投递');
    const unique = new Map(rows.map((r) => [`${r.subjectType}:${r.subjectId}`, r]));
    await this.queues.enqueue(system, [...unique.values()]);
    return { retried: rows.length };
  }

  holding(): Promise<Row[]> {
    return this.ledger.heldInbound();
  }

  private known(system: string): void {
    if (!isDepartmentSystem(system)) throw RecordError.notFound('系统');
  }
}
