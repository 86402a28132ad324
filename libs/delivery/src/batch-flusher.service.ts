import { Inject, Injectable } from '@nestjs/common';
import { asConnectorError, type BatchConnector, type BatchItem } from '@hub/connectors';
import type { SubjectSnapshot } from '@hub/domain';
import { SnapshotService } from '@hub/record';
import { DataSource } from 'typeorm';
import { CONNECTORS, type ConnectorRegistry } from './connector-registry';
import {
  confirmedOutcome,
  heldNothing,
  judgeFailure,
  needsCreateHistory,
  planDelivery,
  planWait,
  subjectFacts,
  type SendPlan,
} from './delivery-plan';
import { DeliveryLedgerRepository } from '@hub/ledger';
import { LedgerService } from '@hub/ledger';
import { SystemLinkRepository } from '@hub/ledger';
import { SystemLockRepository } from './system-lock.repository';

export interface FlushResult {
  sent: number;
  confirmed: number;
  refused: number;
  retrying: number;
}

/** Subjects per flush: a department file or a few calls, not the whole backlog at once. */
const MAX_SUBJECTS = 1000;

/**
 * Batch systems (social-insurance, militia-conscription, grid-governance) take coalesced files
 * or calls: every open subject of the system goes in one batch with its latest state, and each
 * item's own result is written back to the ledger.
 */
@Injectable()
export class BatchFlusher {
  private readonly rows: DeliveryLedgerRepository;
  private readonly links: SystemLinkRepository;

  constructor(
    @Inject(CONNECTORS) private readonly connectors: ConnectorRegistry,
    private readonly snapshots: SnapshotService,
    private readonly ledger: LedgerService,
    private readonly db: DataSource,
  ) {
    this.rows = new DeliveryLedgerRepository(db);
    this.links = new SystemLinkRepository(db);
  }

  batchSystems(): BatchConnector[] {
    return [...this.connectors.values()].filter((c): c is BatchConnector => c.mode === 'batch');
  }

  /** One flush of one system; a second worker process flushing the same system skips (advisory lock). */
  async flush(connector: BatchConnector): Promise<FlushResult> {
    const result: FlushResult = { sent: 0, confirmed: 0, refused: 0, retrying: 0 };
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const locks = new SystemLockRepository(runner);
      if (!(await locks.tryLock('batch-flush', connector.slug))) return result;
      try {
        await this.flushLocked(connector, result);
      } finally {
        await locks.unlock('batch-flush', connector.slug);
      }
    } finally {
      await runner.release();
    }
    return result;
  }

  /** The system's own ids of the households' members, for systems whose houses name their persons. */
  private async memberIds(system: string, items: BatchItem[]): Promise<Record<string, string>> {
    const residentIds = items.flatMap((i) =>
      i.subject.type === 'household' ? i.subject.members.map((m) => m.residentId) : [],
    );
    if (residentIds.length === 0) return {};
    return this.links.residentRecordIds(system, residentIds);
  }

  private async flushLocked(connector: BatchConnector, result: FlushResult): Promise<void> {
    const closed = connector.closedNotice?.(new Date());
    if (closed) {
      await this.ledger.noteClosed(connector.slug, closed);
      return;
    }
    const open = await this.rows.openSubjects(connector.slug, MAX_SUBJECTS);
    const now = new Date();
    const sends: Array<{ item: BatchItem; plan: SendPlan }> = [];
    for (const { subjectType, subjectId } of open) {
      const subject: SubjectSnapshot | undefined =
        subjectType === 'resident'
          ? await this.snapshots.resident(subjectId)
          : await this.snapshots.household(subjectId);
      if (!subject) continue;
      const facts = subjectFacts(connector, subject, now);
      const waiting = planWait(facts);
      if (waiting) {
        await this.ledger.wait(connector.slug, subjectType, subjectId, subject.version, waiting.reason);
        continue;
      }
      const link = await this.ledger.link(connector.slug, subjectType, subjectId);
      const attemptedBefore =
        needsCreateHistory(facts, link) &&
        (await this.ledger.createAttempted(connector.slug, subjectType, subjectId));
      const plan = planDelivery(facts, { link, attemptedBefore });
      if (plan.kind === 'up-to-date') {
        await this.ledger.confirmHeld(connector.slug, subjectType, subjectId);
        continue;
      }
      if (plan.action === 'none') {
        await this.ledger.confirm(connector.slug, subjectType, subjectId, subject.version, heldNothing(plan));
        continue;
      }
      sends.push({ item: { subject, known: plan.known, action: plan.action }, plan });
    }
    if (sends.length === 0) return;
    const items = sends.map((s) => s.item);
    for (const { subject } of items)
      await this.ledger.markAttempt(connector.slug, subject.type, subject.id, subject.version);
    result.sent = items.length;
    let results;
    try {
      results = await connector.pushBatch(items, now, {
        externalIds: await this.memberIds(connector.slug, items),
      });
    } catch (error) {
      // The whole batch failed (window closed, department down): everything stays open.
      const failure = asConnectorError(error);
      for (const { subject } of items) {
        await this.ledger.noteError(connector.slug, subject.type, subject.id, failure.kind, failure.message);
      }
      result.retrying = items.length;
      return;
    }
    for (const [index, { item, plan }] of sends.entries()) {
      const outcome = results[index];
      const { type, id, version } = item.subject;
      if (outcome?.ok) {
        await this.ledger.confirm(
          connector.slug,
          type,
          id,
          version,
          confirmedOutcome(plan, outcome.externalId),
        );
        result.confirmed += 1;
        continue;
      }
      const failure = asConnectorError(outcome?.error ?? new Error('no result for this item'));
      const verdict = judgeFailure(failure, plan, 'batch');
      if (verdict === 'nothing-held') {
        await this.ledger.confirm(connector.slug, type, id, version, heldNothing(plan));
        result.confirmed += 1;
      } else if (verdict === 'failed') {
        await this.ledger.fail(connector.slug, type, id, version, failure.kind, failure.message);
        result.refused += 1;
      } else {
        await this.ledger.noteError(connector.slug, type, id, failure.kind, failure.message);
        result.retrying += 1;
      }
    }
  }
}
