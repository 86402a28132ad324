import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DeliveryLedgerRepository, type LedgerEntry } from './delivery-ledger.repository';
import { SystemLinkRepository, type SystemLink } from './system-link.repository';

export type { LedgerStatus } from './ledger-status';
export type { LedgerEntry } from './delivery-ledger.repository';
export type { SystemLink } from './system-link.repository';

/**
 * The delivery ledger: per system, subject and version, what happened. Every write is keyed by
 * (system, subject, version) so repeating a step (after a crash) changes nothing.
 */
@Injectable()
export class LedgerService {
  private readonly rows: DeliveryLedgerRepository;
  private readonly links: SystemLinkRepository;

  /** Injected with the data source; a repository may hand it its transaction's manager. */
  constructor(@Inject(DataSource) db: DataSource | EntityManager) {
    this.rows = new DeliveryLedgerRepository(db);
    this.links = new SystemLinkRepository(db);
  }

  link(system: string, subjectType: string, subjectId: string): Promise<SystemLink | null> {
    return this.links.find(system, subjectType, subjectId);
  }

  /**
   * Whether a create of the subject was ever attempted in the system: one whose answer never came
   * back may have been applied (a crash after the department did, before the hub confirmed).
   */
  createAttempted(system: string, subjectType: string, subjectId: string): Promise<boolean> {
    return this.rows.createAttempted(system, subjectType, subjectId);
  }

  /** Whether a (system, subject) still has deliveries owed. */
  hasOpen(system: string, subjectType: string, subjectId: string): Promise<boolean> {
    return this.rows.hasOpen(system, subjectType, subjectId);
  }

  /** Records that a version concerns a system (pending) or not; repeated calls are no-ops. */
  record(entries: LedgerEntry[]): Promise<void> {
    return this.rows.record(entries);
  }

  /** A closed-window note is over once the upload is attempted. */
  markAttempt(system: string, subjectType: string, subjectId: string, upToVersion: number): Promise<void> {
    return this.rows.markAttempt(system, subjectType, subjectId, upToVersion);
  }

  /**
   * The system now holds `version` (or has ended it): that and every older open row is confirmed.
   * One statement (the link and the rows change together); it answers the subject's version now,
   * so a delivery can tell whether a newer change arrived while it was sending.
   */
  confirm(
    system: string,
    subjectType: string,
    subjectId: string,
    version: number,
    outcome: { externalId: string | null; present: boolean; action: string },
  ): Promise<{ currentVersion: number }> {
    return this.rows.confirm(system, subjectType, subjectId, version, outcome);
  }

  /**
   * The system already holds the subject's version: its open rows up to the version the link
   * holds *now* are confirmed, and the link is left alone. Reading the link under a row lock (not
   * trusting the version read before) keeps a resend requested meanwhile: it has reset the link
   * and re-opened the row, and the subject goes back in the queue.
   */
  confirmHeld(system: string, subjectType: string, subjectId: string): Promise<void> {
    return this.rows.confirmHeld(system, subjectType, subjectId);
  }

  /**
   * Sends subjects to systems again whatever they were last sent, in one statement: each link
   * forgets the version it holds (with `assumeHeld` it counts as held; with `settle` a go-live
   * dispute over whether the system should hold the subject is over), and the subject's current
   * version is (re-)opened in the ledger. The caller queues the deliveries.
   */
  reopen(
    systems: readonly string[],
    subject: { type: string; id: string; version: number },
    options: { assumeHeld?: boolean; settle?: boolean } = {},
  ): Promise<void> {
    return this.rows.reopen(systems, subject, options);
  }

  /**
   * Before sending `version`: marks the open rows up to it as attempted and answers what the
   * system holds, in one statement. `attemptedBefore` is whether a create was tried earlier whose
   * answer may never have come back (read before this attempt's own mark).
   */
  claim(
    system: string,
    subjectType: string,
    subjectId: string,
    version: number,
  ): Promise<{ link: SystemLink | null; attemptedBefore: boolean }> {
    return this.rows.claim(system, subjectType, subjectId, version);
  }

  /** A final refusal: kept with the department's own message for a person to fix and re-send. */
  fail(
    system: string,
    subjectType: string,
    subjectId: string,
    upToVersion: number,
    kind: string,
    message: string,
  ): Promise<void> {
    return this.rows.fail(system, subjectType, subjectId, upToVersion, kind, message);
  }

  /**
   * The system keys persons by ID number and the subject has none yet: its open rows up to the
   * version wait (not queued, not failed) with the reason, until a version with the number comes.
   */
  wait(
    system: string,
    subjectType: string,
    subjectId: string,
    upToVersion: number,
    message: string,
  ): Promise<void> {
    return this.rows.wait(system, subjectType, subjectId, upToVersion, message);
  }

  /**
   * A change that came from the system itself: it holds the subject, so what waited to be sent
   * there (a birth waiting for the police's ID number, now issued by them) is settled.
   */
  settleWaitingAtOrigin(
    system: string,
    subjects: ReadonlyArray<{ type: string; id: string; version: number }>,
  ): Promise<void> {
    return this.rows.settleWaiting(system, subjects);
  }

  /**
   * The department takes nothing now (outside its upload window): every open row of the system
   * says why, once (rows already saying it are not rewritten), without counting an attempt.
   */
  noteClosed(system: string, message: string): Promise<void> {
    return this.rows.noteClosed(system, message);
  }

  /** A temporary failure: still open, with the reason shown to operators. */
  noteError(
    system: string,
    subjectType: string,
    subjectId: string,
    kind: string,
    message: string,
  ): Promise<void> {
    return this.rows.noteError(system, subjectType, subjectId, kind, message);
  }
}
