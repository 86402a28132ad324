import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEPARTMENT_SYSTEMS, isDepartmentSystem } from '@hub/infra';
import { RecordError, returnedRows } from '@hub/record';
import { ConnectorMetrics } from './connector-metrics.service';
import { ConnectorQueues } from './connector-queues';

type Row = Record<string, unknown>;

/** What IT staff see and steer: queues, ledger counts, failures with the department's reasons. */
@Injectable()
export class ConnectorsService {
  constructor(
    private readonly db: DataSource,
    private readonly queues: ConnectorQueues,
    private readonly metrics: ConnectorMetrics,
  ) {}

  async overview(): Promise<Row[]> {
    const counts: Row[] = await this.db.query(
      `SELECT system, status, count(*)::int AS n, min(created_at) FILTER (WHERE status IN ('pending','sent')) AS oldest_open
         FROM delivery GROUP BY system, status`,
    );
    const paused: Array<{ system: string }> = await this.db.query(
      `SELECT system FROM connector_state WHERE paused`,
    );
    const recent = await this.metrics.recent();
    const now = Date.now();
    return Promise.all(
      DEPARTMENT_SYSTEMS.map(async ({ slug, name, mode }) => {
        const mine = counts.filter((c) => c.system === slug);
        const oldest = mine.map((c) => c.oldest_open as Date | null).find((d) => d);
        const jobs: Record<string, number> =
          mode === 'online'
            ? await this.queues.queue(slug).getJobCounts('waiting', 'active', 'delayed', 'prioritized')
            : {};
        return {
          system: slug,
          name,
          mode,
          paused: paused.some((p) => p.system === slug),
          ledger: Object.fromEntries(mine.map((c) => [String(c.status), Number(c.n)])),
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
    await this.db.query(
      `INSERT INTO connector_state (system, paused) VALUES ($1, $2)
       ON CONFLICT (system) DO UPDATE SET paused = EXCLUDED.paused, updated_at = now()`,
      [system, paused],
    );
    const queue = this.queues.queue(system);
    if (paused) await queue.pause();
    else await queue.resume();
    return { system, paused };
  }

  /** Failures of one system (optionally of one error kind), newest first. */
  failures(system: string, errorKind?: string, limit = 100): Promise<Row[]> {
    this.known(system);
    return this.db.query(
      `SELECT id, subject_type AS "subjectType", subject_id AS "subjectId", version, attempts,
              error_kind AS "errorKind", last_error AS "lastError", updated_at AS "updatedAt"
         FROM delivery WHERE system = $1 AND status = 'failed' AND ($2::text IS NULL OR error_kind = $2)
        ORDER BY updated_at DESC LIMIT $3`,
      [system, errorKind ?? null, limit],
    );
  }

  /** Re-opens failed deliveries (all of one error kind, or one) and queues their subjects again. */
  async retry(
    system: string,
    filter: { errorKind?: string; deliveryId?: string },
  ): Promise<{ retried: number }> {
    this.known(system);
    const rows = returnedRows<{ subject_type: string; subject_id: string }>(
      await this.db.query(
        `UPDATE delivery SET status = 'pending', updated_at = now()
          WHERE system = $1 AND status = 'failed'
            AND ($2::text IS NULL OR error_kind = $2) AND ($3::bigint IS NULL OR id = $3)
          RETURNING subject_type, subject_id`,
        [system, filter.errorKind ?? null, filter.deliveryId ?? null],
      ),
    );
    if (filter.deliveryId && rows.length === 0) throw RecordError.notFound('失败的投递');
    const unique = new Map(
      rows.map((r) => [
        `${r.subject_type}:${r.subject_id}`,
        { subjectType: r.subject_type, subjectId: r.subject_id },
      ]),
    );
    await this.queues.enqueue(system, [...unique.values()]);
    return { retried: rows.length };
  }

  holding(): Promise<Row[]> {
    return this.db.query(
      `SELECT id, system, external_id AS "externalId", id_number_masked AS "idNumber", reason, received_at AS "receivedAt"
         FROM inbound_holding WHERE resolved_at IS NULL ORDER BY id DESC LIMIT 200`,
    );
  }

  private known(system: string): void {
    if (!isDepartmentSystem(system)) throw RecordError.notFound('系统');
  }
}
