import { Inject, Injectable } from '@nestjs/common';
import type { Connector, InboundChange } from '@hub/connectors';
import { DepartmentChangeService, type DepartmentChangeOutcome } from '@hub/record';
import { DataSource } from 'typeorm';
import { CONNECTORS, type ConnectorRegistry } from './connector-registry';

export type PollResult = Record<DepartmentChangeOutcome, number>;

/** Also told each page before its cursor is saved: a failure here re-reads the page. */
export type PageObserver = (system: string, changes: readonly InboundChange[]) => Promise<void>;

/**
 * Reads each department's change feed and applies what it may set to the unified record. The
 * cursor is saved after the page is applied: a crash re-reads the page, and re-applying a change
 * already applied changes nothing.
 */
@Injectable()
export class InboundPoller {
  constructor(
    @Inject(CONNECTORS) private readonly connectors: ConnectorRegistry,
    private readonly changes: DepartmentChangeService,
    private readonly db: DataSource,
  ) {}

  feeds(): Connector[] {
    return [...this.connectors.values()].filter((c) => typeof c.changes === 'function');
  }

  async poll(connector: Connector, observe?: PageObserver): Promise<PollResult> {
    const result: PollResult = { applied: 0, unchanged: 0, held: 0 };
    if (!connector.changes) return result;
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const lock = (await runner.query(`SELECT pg_try_advisory_lock(hashtext('inbound:' || $1)) AS locked`, [
        connector.slug,
      ])) as Array<{ locked: boolean }>;
      if (!lock[0]?.locked) return result;
      try {
        const state = await this.db.query<Array<{ inbound_cursor: string | null }>>(
          `SELECT inbound_cursor FROM connector_state WHERE system = $1`,
          [connector.slug],
        );
        const page = await connector.changes(state[0]?.inbound_cursor ?? null);
        for (const change of page.changes) {
          result[await this.changes.apply(connector.slug, change)] += 1;
        }
        await observe?.(connector.slug, page.changes);
        await this.db.query(
          `INSERT INTO connector_state (system, inbound_cursor) VALUES ($1, $2)
           ON CONFLICT (system) DO UPDATE SET inbound_cursor = EXCLUDED.inbound_cursor, updated_at = now()`,
          [connector.slug, page.cursor],
        );
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('inbound:' || $1))`, [connector.slug]);
      }
    } finally {
      await runner.release();
    }
    return result;
  }
}
