import { Inject, Injectable } from '@nestjs/common';
import type { Connector, InboundChange } from '@hub/connectors';
import { DepartmentChangeService, type DepartmentChangeOutcome } from '@hub/record';
import { DataSource } from 'typeorm';
import { CONNECTORS, type ConnectorRegistry } from './connector-registry';
import { ConnectorStateRepository } from '@hub/ledger';
import { SystemLockRepository } from './system-lock.repository';

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
  private readonly state: ConnectorStateRepository;

  constructor(
    @Inject(CONNECTORS) private readonly connectors: ConnectorRegistry,
    private readonly changes: DepartmentChangeService,
    private readonly db: DataSource,
  ) {
    this.state = new ConnectorStateRepository(db);
  }

  feeds(): Connector[] {
    return [...this.connectors.values()].filter((c) => typeof c.changes === 'function');
  }

  async poll(connector: Connector, observe?: PageObserver): Promise<PollResult> {
    const result: PollResult = { applied: 0, unchanged: 0, held: 0 };
    if (!connector.changes) return result;
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const locks = new SystemLockRepository(runner);
      if (!(await locks.tryLock('inbound', connector.slug))) return result;
      try {
        const page = await connector.changes(await this.state.inboundCursor(connector.slug));
        for (const change of page.changes) {
          result[await this.changes.apply(connector.slug, change)] += 1;
        }
        await observe?.(connector.slug, page.changes);
        await this.state.saveInboundCursor(connector.slug, page.cursor);
      } finally {
        await locks.unlock('inbound', connector.slug);
      }
    } finally {
      await runner.release();
    }
    return result;
  }
}
