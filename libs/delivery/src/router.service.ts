import { Inject, Injectable } from '@nestjs/common';
import type { RouteEventPayload } from '@hub/infra';
import { SnapshotService } from '@hub/record';
import { DataSource } from 'typeorm';
import { CONNECTORS, type ConnectorRegistry } from './connector-registry';
import { DeliveryQueues } from './delivery-queues.service';
import { LedgerService, type LedgerEntry, type LedgerStatus } from '@hub/ledger';
import { SystemLinkRepository } from '@hub/ledger';

/**
 * Turns one outbox event into delivery jobs: for each subject and each system, whether the system
 * covers the subject now (deliver), covered it before but no longer (end it there), or neither.
 * A change that came from a department is never sent back to it.
 */
@Injectable()
export class RouterService {
  private readonly links: SystemLinkRepository;

  constructor(
    @Inject(CONNECTORS) private readonly connectors: ConnectorRegistry,
    private readonly snapshots: SnapshotService,
    private readonly ledger: LedgerService,
    private readonly queues: DeliveryQueues,
    db: DataSource,
  ) {
    this.links = new SystemLinkRepository(db);
  }

  async route(event: RouteEventPayload): Promise<number> {
    const entries: LedgerEntry[] = [];
    const now = new Date();
    const [subjects, present] = await Promise.all([
      Promise.all(
        event.subjects.map(({ type, id }) =>
          type === 'resident' ? this.snapshots.resident(id) : this.snapshots.household(id),
        ),
      ),
      this.presentIn(event.subjects),
    ]);
    event.subjects.forEach(({ type, id, version }, index) => {
      const subject = subjects[index];
      if (!subject) return;
      const heldBy = present.get(`${type}:${id}`) ?? new Set<string>();
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
        const status: LedgerStatus = relevant || heldBy.has(connector.slug) ? 'pending' : 'not_relevant';
        entries.push({ ...base, status, action: relevant ? 'upsert' : status === 'pending' ? 'end' : null });
      }
    });
    await this.ledger.record(entries);
    if (this.connectors.has(event.source)) {
      const settled = event.subjects.map(({ type, id, version }) => ({ type, id, version }));
      await this.ledger.settleWaitingAtOrigin(event.source, settled);
    }
    const pending = entries.filter((e) => e.status === 'pending');
    await this.queues.enqueue(pending);
    return pending.length;
  }

  /**
   * Per subject (`type:id`), the systems that hold it, or may soon: a delivery still in flight (a
   * batch not yet sent) can make a system hold a subject that has meanwhile left its coverage, so
   * it must be ended too.
   */
  private async presentIn(subjects: RouteEventPayload['subjects']): Promise<Map<string, Set<string>>> {
    const held = new Map<string, Set<string>>();
    for (const { key, system } of await this.links.holders(subjects)) {
      held.set(key, (held.get(key) ?? new Set()).add(system));
    }
    return held;
  }
}
