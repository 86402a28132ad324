import { Inject, Injectable } from '@nestjs/common';
import type { RouteEventPayload } from '@hub/infra';
import { SnapshotService } from '@hub/record';
import { DataSource } from 'typeorm';
import { CONNECTORS, type ConnectorRegistry } from './connector-registry';
import { DeliveryQueues } from './delivery-queues.service';
import { LedgerService, type LedgerStatus } from './ledger.service';

type LedgerEntry = Parameters<LedgerService['record']>[0][number];

/**
 * Turns one outbox event into delivery jobs: for each subject and each system, whether the system
 * covers the subject now (deliver), covered it before but no longer (end it there), or neither.
 * A change that came from a department is never sent back to it.
 */
@Injectable()
export class RouterService {
  constructor(
    @Inject(CONNECTORS) private readonly connectors: ConnectorRegistry,
    private readonly snapshots: SnapshotService,
    private readonly ledger: LedgerService,
    private readonly queues: DeliveryQueues,
    private readonly db: DataSource,
  ) {}

  async route(event: RouteEventPayload): Promise<number> {
    const entries: LedgerEntry[] = [];
    const now = new Date();
    for (const { type, id, version } of event.subjects) {
      const subject =
        type === 'resident' ? await this.snapshots.resident(id) : await this.snapshots.household(id);
      if (!subject) continue;
      const present = await this.presentIn(type, id);
      for (const connector of this.connectors.values()) {
        const base = {
          system: connector.slug,
          subjectType: type,
          subjectId: id,
          version,
          eventId: event.eventId,
        };
        if (connector.slug === event.source) {
          entries.push({ ...base, status: 'confirmed', action: 'origin' });
          continue;
        }
        const relevant = connector.relevant(subject, now);
        const status: LedgerStatus = relevant || present.has(connector.slug) ? 'pending' : 'not_relevant';
        entries.push({ ...base, status, action: relevant ? 'upsert' : status === 'pending' ? 'end' : null });
      }
    }
    await this.ledger.record(entries);
    const pending = entries.filter((e) => e.status === 'pending');
    await this.queues.enqueue(pending);
    return pending.length;
  }

  /**
   * Systems that hold the subject, or may soon: a delivery still in flight (a batch not yet sent)
   * can make a system hold a subject that has meanwhile left its coverage, so it must be ended too.
   */
  private async presentIn(type: string, id: string): Promise<Set<string>> {
    const rows: Array<{ system: string }> = await this.db.query(
      `SELECT system FROM system_link WHERE subject_type = $1 AND subject_id = $2 AND present
       UNION
       SELECT system FROM delivery WHERE subject_type = $1 AND subject_id = $2 AND status IN ('pending', 'sent')`,
      [type, id],
    );
    return new Set(rows.map((r) => r.system));
  }
}
