import type { Connector } from '@hub/connectors';
import { isActiveResident, type SubjectSnapshot } from '@hub/domain';
import type { SystemLink } from '@hub/ledger';

export type DeliveryAction = 'upsert' | 'end' | 'none';

/**
 * Whether only the ledger can tell if the system holds the subject: the link neither says it is
 * held nor names the system's record (none yet, or a create whose answer never came back).
 */
export function holdingUnknown(link: SystemLink | null): boolean {
  return !link?.present && !link?.externalId;
}

/**
 * Whether the system may hold the subject: it does by the link, or a create was attempted whose
 * answer never came back (a crash after the department applied it, before the hub confirmed). A
 * link naming a record the system no longer holds settles it: nothing is held.
 */
export function mayHold(link: SystemLink | null, attemptedBefore: boolean): boolean {
  return !!link?.present || (holdingUnknown(link) && attemptedBefore);
}

/**
 * What a system is sent for a subject now: the subject if its rule says the system holds it, an
 * end if the system may hold one it should no longer, nothing otherwise. `mayHold`: the link says
 * the system holds it, or a create went out whose answer never came back.
 *
 * A link disputed at go-live (the department holds a living person its rule leaves out, or lacks
 * one it covers) keeps what the department holds until a worker decides on the finding: the
 * record it has is updated, none is created or ended. A death or a move-out still ends it.
 */
export function deliveryAction(
  subject: SubjectSnapshot,
  relevant: boolean,
  link: SystemLink | null,
  mayHold: boolean,
): DeliveryAction {
  if (link?.disputed && subject.type === 'resident' && isActiveResident(subject))
    return link.present ? 'upsert' : 'none';
  if (relevant) return 'upsert';
  return mayHold ? 'end' : 'none';
}

/**
 * A person the system should hold, keyed there by ID number, whom the hub holds without one (a
 * newborn until the police issue it): sending would only be refused, so the delivery waits for the
 * version that brings the number.
 */
export function awaitsIdNumber(
  connector: Pick<Connector, 'keyedByIdNumber'>,
  subject: SubjectSnapshot,
  relevant: boolean,
): boolean {
  return !!connector.keyedByIdNumber && relevant && subject.type === 'resident' && !subject.idNumber;
}
