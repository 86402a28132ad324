import { ConnectorError } from '@hub/connectors';
import type { HouseholdSnapshot, ResidentSnapshot, SubjectSnapshot } from '@hub/domain';
import { awaitingIdMessage, type SystemLink } from '@hub/ledger';
import {
  confirmedOutcome,
  heldNothing,
  judgeFailure,
  needsCreateHistory,
  planDelivery,
  planWait,
  type DeliveryPlan,
  type FailureVerdict,
  type SendPlan,
  type SubjectFacts,
} from './delivery-plan';

const now = new Date('2024-06-01T12:00:00+08:00');
const living = {
  type: 'resident',
  id: 'r1',
  version: 5,
  idNumber: '110101199001011234',
  birthDate: '1990-01-01',
  lifeStatus: 'alive',
  residenceStatus: 'present',
} as ResidentSnapshot;
const newborn = { ...living, idNumber: null, birthDate: '2024-05-20' } as ResidentSnapshot;
const adultWithoutId = { ...living, idNumber: null } as ResidentSnapshot;
const deceased = { ...living, lifeStatus: 'deceased' } as ResidentSnapshot;
const movedOut = { ...living, residenceStatus: 'moved_out' } as ResidentSnapshot;
const household = { type: 'household', id: 'h1', version: 5, members: [] } as unknown as HouseholdSnapshot;

/** A link as confirm leaves it: the system holds record X1 at version 4 (older than the subject's 5). */
const link = (over: Partial<SystemLink> = {}): SystemLink => ({
  externalId: 'X1',
  deliveredVersion: 4,
  present: true,
  disputed: false,
  ...over,
});
/** A link whose record the system no longer holds (ended), and one that never named a record. */
const ended = link({ present: false });
const noRecord = link({ present: false, externalId: null });

/** What both paths do: the wait decided before the ledger is read, the rest after. */
function plan(
  subject: SubjectSnapshot,
  relevant: boolean,
  keyedByIdNumber: boolean,
  link: SystemLink | null,
  attemptedBefore: boolean,
): DeliveryPlan {
  const facts: SubjectFacts = { subject, relevant, keyedByIdNumber, now };
  return planWait(facts) ?? planDelivery(facts, { link, attemptedBefore });
}

const send = (action: SendPlan['action'], held: SystemLink | null, endOnlyInCase = false): SendPlan => ({
  kind: 'send',
  action,
  known: held ? { externalId: held.externalId } : null,
  externalId: held?.externalId ?? null,
  endOnlyInCase,
});
const upsert = (held: SystemLink | null) => send('upsert', held);
const end = (held: SystemLink | null) => send('end', held);
const endInCase = (held: SystemLink | null) => send('end', held, true);
const none = (held: SystemLink | null) => send('none', held);
const wait = (subject: ResidentSnapshot): DeliveryPlan => ({
  kind: 'wait',
  reason: awaitingIdMessage(subject.birthDate, now),
});
const upToDate: DeliveryPlan = { kind: 'up-to-date' };

const held = link();
const heldAt5 = link({ deliveredVersion: 5 });
const endedAt5 = link({ deliveredVersion: 5, present: false });
const heldNoId = link({ externalId: null });
const disputed = link({ disputed: true });
const disputedAbsent = link({ disputed: true, present: false, externalId: null });
const disputedEnded = link({ disputed: true, present: false });

interface Case {
  name: string;
  subject: SubjectSnapshot;
  relevant: boolean;
  keyed: boolean;
  link: SystemLink | null;
  attempted: boolean;
  expected: DeliveryPlan;
}

describe('planDelivery', () => {
  // keyed: the system keys persons by ID number; attempted: a create went out before.
  it.each`
    name                                                            | subject           | relevant | keyed    | link                             | attempted | expected
    ${'the version held → up-to-date'}                              | ${living}         | ${true}  | ${false} | ${heldAt5}                       | ${false}  | ${upToDate}
    ${'a newer version held → up-to-date'}                          | ${living}         | ${false} | ${false} | ${link({ deliveredVersion: 6 })} | ${false}  | ${upToDate}
    ${'an ended record at the version → up-to-date'}                | ${living}         | ${false} | ${false} | ${endedAt5}                      | ${true}   | ${upToDate}
    ${'relevant, no link → upsert (create)'}                        | ${living}         | ${true}  | ${false} | ${null}                          | ${false}  | ${upsert(null)}
    ${'relevant, link → upsert (update)'}                           | ${living}         | ${true}  | ${false} | ${held}                          | ${false}  | ${upsert(held)}
    ${'relevant, ended record → upsert naming it'}                  | ${living}         | ${true}  | ${false} | ${ended}                         | ${false}  | ${upsert(ended)}
    ${'relevant, create attempted before → upsert'}                 | ${living}         | ${true}  | ${false} | ${null}                          | ${true}   | ${upsert(null)}
    ${'not relevant, held by the link → end'}                       | ${living}         | ${false} | ${false} | ${held}                          | ${false}  | ${end(held)}
    ${'not relevant, held without a record id → end'}               | ${living}         | ${false} | ${false} | ${heldNoId}                      | ${false}  | ${end(heldNoId)}
    ${'not relevant, no link, create attempted → end in case'}      | ${living}         | ${false} | ${false} | ${null}                          | ${true}   | ${endInCase(null)}
    ${'not relevant, link without record, attempted → end in case'} | ${living}         | ${false} | ${false} | ${noRecord}                      | ${true}   | ${endInCase(noRecord)}
    ${'not relevant, no link, nothing attempted → none'}            | ${living}         | ${false} | ${false} | ${null}                          | ${false}  | ${none(null)}
    ${'not relevant, ended record → none'}                          | ${living}         | ${false} | ${false} | ${ended}                         | ${false}  | ${none(ended)}
    ${'not relevant, ended record, attempted → none'}               | ${living}         | ${false} | ${false} | ${ended}                         | ${true}   | ${none(ended)}
    ${'disputed, living, present, not relevant → upsert'}           | ${living}         | ${false} | ${false} | ${disputed}                      | ${false}  | ${upsert(disputed)}
    ${'disputed, living, absent, relevant → none'}                  | ${living}         | ${true}  | ${false} | ${disputedAbsent}                | ${true}   | ${none(disputedAbsent)}
    ${'disputed, deceased, present → end'}                          | ${deceased}       | ${false} | ${false} | ${disputed}                      | ${false}  | ${end(disputed)}
    ${'disputed, moved out, present → end'}                         | ${movedOut}       | ${false} | ${false} | ${disputed}                      | ${false}  | ${end(disputed)}
    ${'disputed, deceased, ended record → none'}                    | ${deceased}       | ${false} | ${false} | ${disputedEnded}                 | ${true}   | ${none(disputedEnded)}
    ${'keyed, relevant newborn without ID number → wait'}           | ${newborn}        | ${true}  | ${true}  | ${null}                          | ${false}  | ${wait(newborn)}
    ${'keyed, relevant adult without ID number → wait'}             | ${adultWithoutId} | ${true}  | ${true}  | ${heldAt5}                       | ${false}  | ${wait(adultWithoutId)}
    ${'keyed, not relevant, without ID number → end'}               | ${newborn}        | ${false} | ${true}  | ${held}                          | ${false}  | ${end(held)}
    ${'keyed, relevant, with ID number → upsert'}                   | ${living}         | ${true}  | ${true}  | ${null}                          | ${false}  | ${upsert(null)}
    ${'not keyed, relevant, without ID number → upsert'}            | ${newborn}        | ${true}  | ${false} | ${null}                          | ${false}  | ${upsert(null)}
    ${'household, relevant → upsert'}                               | ${household}      | ${true}  | ${false} | ${null}                          | ${false}  | ${upsert(null)}
    ${'household, keyed system, relevant → upsert'}                 | ${household}      | ${true}  | ${true}  | ${held}                          | ${false}  | ${upsert(held)}
    ${'household, not relevant, held → end'}                        | ${household}      | ${false} | ${false} | ${held}                          | ${false}  | ${end(held)}
    ${'household, not relevant, attempted → end in case'}           | ${household}      | ${false} | ${false} | ${null}                          | ${true}   | ${endInCase(null)}
    ${'household, not relevant, nothing held → none'}               | ${household}      | ${false} | ${false} | ${null}                          | ${false}  | ${none(null)}
    ${'household, disputed, not relevant → end'}                    | ${household}      | ${false} | ${false} | ${disputed}                      | ${false}  | ${end(disputed)}
    ${'household, version held → up-to-date'}                       | ${household}      | ${true}  | ${false} | ${heldAt5}                       | ${false}  | ${upToDate}
  `('$name', ({ subject, relevant, keyed, link, attempted, expected }: Case) => {
    expect(plan(subject, relevant, keyed, link, attempted)).toEqual(expected);
  });

  it.each<[string, boolean, SystemLink | null, boolean]>([
    ['relevant: sent whatever was attempted', true, null, false],
    ['held by the link', false, held, false],
    ['the link names an ended record', false, ended, false],
    ['up to date', false, link({ deliveredVersion: 5, present: false, externalId: null }), false],
    ['no link', false, null, true],
    ['a link without a record', false, noRecord, true],
  ])('reads the create history only when it can matter: %s', (_name, relevant, link, expected) => {
    expect(needsCreateHistory({ subject: living, relevant, keyedByIdNumber: false, now }, link)).toBe(
      expected,
    );
  });
});

describe('judgeFailure', () => {
  const refused = new ConnectorError('refused', 'not held');
  const invalid = new ConnectorError('invalid', 'bad record');
  const temporary = ConnectorError.temporary('down');

  it.each<[string, ConnectorError, SendPlan, 'online' | 'batch', FailureVerdict]>([
    ['refused end in case, online → nothing held', refused, endInCase(null), 'online', 'nothing-held'],
    ['refused end in case, batch → nothing held', refused, endInCase(null), 'batch', 'nothing-held'],
    ['refused end of a held record, online → failed', refused, end(held), 'online', 'failed'],
    ['refused end of a held record, batch → failed', refused, end(held), 'batch', 'failed'],
    // The paths differ here (kept): a record held without an id, as militia-conscription holds.
    ['refused end held without a record id, online → failed', refused, end(heldNoId), 'online', 'failed'],
    [
      'refused end held without a record id, batch → nothing held',
      refused,
      end(heldNoId),
      'batch',
      'nothing-held',
    ],
    ['refused upsert → failed', refused, upsert(null), 'online', 'failed'],
    ['invalid end in case → failed', invalid, endInCase(null), 'batch', 'failed'],
    ['temporary end in case → retry', temporary, endInCase(null), 'online', 'retry'],
    ['temporary upsert → retry', temporary, upsert(held), 'batch', 'retry'],
  ])('%s', (_name, failure, sendPlan, path, verdict) => {
    expect(judgeFailure(failure, sendPlan, path)).toBe(verdict);
  });
});

describe('what the ledger records', () => {
  const outcome = (externalId: string | null, present: boolean, action: SendPlan['action']) => ({
    externalId,
    present,
    action,
  });

  it('a send keeps the record id the system answered, else the link’s', () => {
    expect(confirmedOutcome(upsert(null), 'N1')).toEqual(outcome('N1', true, 'upsert'));
    expect(confirmedOutcome(upsert(held), null)).toEqual(outcome('X1', true, 'upsert'));
    expect(confirmedOutcome(end(held))).toEqual(outcome('X1', false, 'end'));
    expect(confirmedOutcome(none(ended))).toEqual(outcome('X1', false, 'none'));
  });

  it('nothing held keeps the link’s record id', () => {
    expect(heldNothing(none(ended))).toEqual(outcome('X1', false, 'none'));
    expect(heldNothing(endInCase(null))).toEqual(outcome(null, false, 'none'));
  });
});
