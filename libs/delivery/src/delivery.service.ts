import { Inject, Injectable } from '@nestjs/common';
import { asConnectorError, ConnectorError, type Connector, type KnownRecord } from '@hub/connectors';
import type { SubjectSnapshot } from '@hub/domain';
import { SnapshotService } from '@hub/record';
import { CONNECTORS, type ConnectorRegistry } from './connector-registry';
import type { DeliverPayload } from '@hub/infra';
import { LedgerService } from '@hub/ledger';
import {
  confirmedOutcome,
  heldNothing,
  judgeFailure,
  planDelivery,
  planWait,
  subjectFacts,
} from './delivery-plan';

/**
 * Creates or updates the subject. A create the department refuses because it already holds the
 * subject, naming the record (an earlier create whose answer was lost to a crash or a timeout),
 * updates that record instead: the record is the hub's, and a second create would never succeed.
 */
async function pushOrAdopt(
  connector: Connector,
  subject: SubjectSnapshot,
  known: KnownRecord | null,
  now: Date,
): Promise<string | null> {
  try {
    return (await connector.push(subject, known, now)).externalId ?? known?.externalId ?? null;
  } catch (error) {
    const heldAs = asConnectorError(error).details.heldAs;
    if (known?.externalId || !heldAs) throw error;
    return (await connector.push(subject, { externalId: heldAs }, now)).externalId ?? heldAs;
  }
}

export type DeliveryOutcome =
  'delivered' | 'ended' | 'up-to-date' | 'not-relevant' | 'refused' | 'waiting' | 'gone';

/** How many times one job follows a subject that keeps changing while it is being sent. */
const MAX_ROUNDS = 3;

/**
 * Sends one subject's latest state to one system. The job names no version: it reads the current
 * state, so a delivery that waited behind newer changes sends the newest, and a version the
 * system already holds (or a newer one) is never sent again.
 */
@Injectable()
export class DeliveryService {
  constructor(
    @Inject(CONNECTORS) private readonly connectors: ConnectorRegistry,
    private readonly snapshots: SnapshotService,
    private readonly ledger: LedgerService,
  ) {}

  async deliver(system: string, { subjectType, subjectId }: DeliverPayload): Promise<DeliveryOutcome> {
    const connector = this.connectors.get(system);
    if (!connector) throw new ConnectorError('invalid', `no connector for ${system}`);
    let outcome: DeliveryOutcome = 'up-to-date';
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const subject = await this.load(subjectType, subjectId);
      if (!subject) return 'gone';
      const facts = subjectFacts(connector, subject, new Date());
      const waiting = planWait(facts);
      if (waiting) {
        await this.ledger.wait(system, subjectType, subjectId, subject.version, waiting.reason);
        return 'waiting';
      }
      const plan = planDelivery(
        facts,
        await this.ledger.claim(system, subjectType, subjectId, subject.version),
      );
      if (plan.kind === 'up-to-date') {
        await this.ledger.confirmHeld(system, subjectType, subjectId);
        return outcome;
      }
      const { action } = plan;
      let current: number;
      try {
        let externalId: string | null = null;
        if (action === 'upsert') {
          externalId = await pushOrAdopt(connector, subject, plan.known, facts.now);
        } else if (action === 'end') {
          // Without a link this names no record ({ externalId: null }); a batch item has none.
          await connector.end(subject, { externalId: plan.externalId }, facts.now);
        }
        ({ currentVersion: current } = await this.ledger.confirm(
          system,
          subjectType,
          subjectId,
          subject.version,
          confirmedOutcome(plan, externalId),
        ));
        outcome = action === 'upsert' ? 'delivered' : action === 'end' ? 'ended' : 'not-relevant';
      } catch (error) {
        const failure = asConnectorError(error);
        const verdict = judgeFailure(failure, plan, 'online');
        if (verdict === 'nothing-held') {
          await this.ledger.confirm(system, subjectType, subjectId, subject.version, heldNothing(plan));
          return 'not-relevant';
        }
        if (verdict === 'failed') {
          await this.ledger.fail(
            system,
            subjectType,
            subjectId,
            subject.version,
            failure.kind,
            failure.message,
          );
          return 'refused';
        }
        await this.ledger.noteError(system, subjectType, subjectId, failure.kind, failure.message);
        throw failure;
      }
      if (current <= subject.version) return outcome;
    }
    return outcome;
  }

  private load(type: 'resident' | 'household', id: string): Promise<SubjectSnapshot | undefined> {
    return type === 'resident' ? this.snapshots.resident(id) : this.snapshots.household(id);
  }
}
