import type { Connector, ConnectorError, KnownRecord } from '@hub/connectors';
import type { SubjectSnapshot } from '@hub/domain';
import { awaitingIdMessage, type SystemLink } from '@hub/ledger';
import {
  awaitsIdNumber,
  deliveryAction,
  holdingUnknown,
  mayHold,
  type DeliveryAction,
} from './delivery-action';

/**
 * The delivery decision, shared by the online path (DeliveryService, one subject to one system)
 * and the batch path (BatchFlusher, many subjects to a batch system). Pure: each path reads, asks
 * these functions what to do, and does it.
 *
 * Two steps, because a path reads the ledger in between: a subject waiting for its ID number is
 * decided on before anything is claimed (the online claim counts an attempt), and the rest once
 * the link is read.
 */

/** What a path knows of the subject before it reads the ledger. */
export interface SubjectFacts {
  subject: SubjectSnapshot;
  /** The system's rule: it should hold the subject now. */
  relevant: boolean;
  /** The system keys persons by ID number. */
  keyedByIdNumber: boolean;
  now: Date;
}

/** What the ledger says the system holds of the subject. */
export interface HeldFacts {
  link: SystemLink | null;
  /** A create was attempted before whose answer may never have come back. */
  attemptedBefore: boolean;
}

export interface WaitPlan {
  kind: 'wait';
  /** Shown to operators on the waiting rows. */
  reason: string;
}

export interface UpToDatePlan {
  kind: 'up-to-date';
}

export interface SendPlan {
  kind: 'send';
  /** `none` sends nothing: the ledger only records that the system holds nothing. */
  action: DeliveryAction;
  /** The system's record as its connector is told of it (null: the hub has no link). */
  known: KnownRecord | null;
  /** The system's record id by the link, kept by the ledger when the send answers none. */
  externalId: string | null;
  /** An end sent only in case a lost create had been applied: the link says nothing is held. */
  endOnlyInCase: boolean;
}

export type DeliveryPlan = WaitPlan | UpToDatePlan | SendPlan;

/** What the ledger records for a subject the system holds (or not) after a send. */
export interface ConfirmedOutcome {
  externalId: string | null;
  present: boolean;
  action: DeliveryAction;
}

/** What a failed send means: the system holds nothing, a final refusal, or try again later. */
export type FailureVerdict = 'nothing-held' | 'failed' | 'retry';

/** The connector's facts about the subject on the day, read before the ledger is. */
export function subjectFacts(
  connector: Pick<Connector, 'relevant' | 'keyedByIdNumber'>,
  subject: SubjectSnapshot,
  now: Date,
): SubjectFacts {
  return {
    subject,
    relevant: connector.relevant(subject, now),
    keyedByIdNumber: !!connector.keyedByIdNumber,
    now,
  };
}

/** First step: a subject the system cannot take without its ID number waits, with the reason. */
export function planWait({ subject, relevant, keyedByIdNumber, now }: SubjectFacts): WaitPlan | null {
  if (!awaitsIdNumber({ keyedByIdNumber }, subject, relevant)) return null;
  return {
    kind: 'wait',
    reason: awaitingIdMessage(subject.type === 'resident' ? subject.birthDate : null, now),
  };
}

const upToDate = (subject: SubjectSnapshot, link: SystemLink | null): boolean =>
  !!link && subject.version <= link.deliveredVersion;

/**
 * Whether the plan can turn on `attemptedBefore` (the ledger's create history): only for a
 * subject not yet held at its version, that the system should not hold, by a link that cannot
 * say whether it does. A path that reads the history on its own (the batch path) reads it then.
 */
export function needsCreateHistory({ subject, relevant }: SubjectFacts, link: SystemLink | null): boolean {
  return !upToDate(subject, link) && !relevant && holdingUnknown(link);
}

/** Second step, once the ledger is read: nothing to do, or what to send. */
export function planDelivery(
  { subject, relevant }: SubjectFacts,
  { link, attemptedBefore }: HeldFacts,
): UpToDatePlan | SendPlan {
  if (upToDate(subject, link)) return { kind: 'up-to-date' };
  const action = deliveryAction(subject, relevant, link, mayHold(link, attemptedBefore));
  const externalId = link?.externalId ?? null;
  return {
    kind: 'send',
    action,
    known: link ? { externalId } : null,
    externalId,
    endOnlyInCase: action === 'end' && !link?.present,
  };
}

/** The ledger's record of a send that succeeded; `externalId`: the one the system answered, if any. */
export function confirmedOutcome(plan: SendPlan, externalId: string | null = null): ConfirmedOutcome {
  return {
    externalId: externalId ?? plan.externalId,
    present: plan.action === 'upsert',
    action: plan.action,
  };
}

/** The ledger's record of a system holding nothing: nothing was to be sent, or an end came back refused. */
export function heldNothing(plan: SendPlan): ConfirmedOutcome {
  return { externalId: plan.externalId, present: false, action: 'none' };
}

/**
 * What a failed send means. An end the department refuses that was sent only in case it held the
 * subject means it holds nothing; any other refusal (or an invalid record) is final; the rest is
 * temporary.
 *
 * Which ends count as sent in case differs by path, kept as each did it: the online path goes by
 * the link (`present`), the batch path by the record the item names (no record id). They differ
 * only for a subject the link holds without a record id, as a system keyed by ID number holds its
 * persons (militia-conscription): a refused end of one is a refusal online, nothing held in a batch.
 */
export function judgeFailure(
  failure: Pick<ConnectorError, 'kind' | 'final'>,
  plan: SendPlan,
  path: 'online' | 'batch',
): FailureVerdict {
  const inCase = path === 'online' ? plan.endOnlyInCase : plan.action === 'end' && !plan.externalId;
  if (failure.kind === 'refused' && inCase) return 'nothing-held';
  return failure.final ? 'failed' : 'retry';
}
