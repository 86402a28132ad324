import { Inject, Injectable } from '@nestjs/common';
import { ConnectorError } from '@hub/connectors';
import { CONNECTORS, type ConnectorRegistry } from '@hub/delivery';
import {
  HOUSEHOLD_EXTRACTORS,
  isPersonSystem,
  SOURCE_EXTRACTORS,
  type SourceHousehold,
  type SourcePerson,
} from '@hub/matching';
import { DataSource } from 'typeorm';
import { FeedCursorRepository } from './feed-cursor.repository';
import { SourceHouseholdRepository } from './source-household.repository';
import { SourceRecordRepository } from './source-record.repository';

export interface SystemImport {
  system: string;
  /** Records the system exported (a civil-assistance household counts once). */
  read: number;
  /** Persons staged from them (a household's members each count). */
  staged: number;
  /** Staged records the system no longer holds, removed. */
  removed: number;
  /** The system's own households staged (grid houses), when it holds any. */
  households?: number;
  seconds: number;
}

export type ImportProgress = (system: string, read: number, staged: number) => void;

/** Records staged per statement: large enough to amortise the round trip, small enough to stream. */
const BATCH = 2_000;

/**
 * A department that says "later" (429 with Retry-After, a moment of unavailability) is asked
 * again after the pause it names; only a lasting failure stops the import.
 */
async function patiently<T>(call: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const failure = error instanceof ConnectorError ? error : undefined;
      if (!failure || failure.final || attempt >= attempts) throw error;
      const waitMs = failure.details.retryAfterMs ?? 500 * 2 ** attempt;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

/** Systems read at once: enough to overlap the departments' waits, few enough that none times out. */
const IMPORT_LANES = 4;

/** A bound on reading a feed to its end (a feed that never ends would otherwise hang the import). */
/** How far a department's clock may lag the hub's without a change being missed. */
const CLOCK_MARGIN_MS = 3_600_000;
const MAX_FEED_PAGES = 10_000;

/**
 * Pulls every person-holding system's whole content through its connector's export (the same
 * protocol the hub pushes with), normalises each record and stages it. Streaming: one batch is
 * held at a time, so memory does not grow with the systems' size.
 */
@Injectable()
export class ImportService {
  private readonly store: SourceRecordRepository;
  private readonly households: SourceHouseholdRepository;
  private readonly cursors: FeedCursorRepository;

  constructor(
    @Inject(CONNECTORS) private readonly connectors: ConnectorRegistry,
    db: DataSource,
  ) {
    this.store = new SourceRecordRepository(db);
    this.households = new SourceHouseholdRepository(db);
    this.cursors = new FeedCursorRepository(db);
  }

  /** The systems that hold persons (statistics holds none). */
  systems(): string[] {
    const slowFirst = (slug: string) => (slug === 'grid-governance' ? 0 : 1);
    return [...this.connectors.keys()]
      .filter(isPersonSystem)
      .sort((a, b) => slowFirst(a) - slowFirst(b) || a.localeCompare(b));
  }

  async importSystem(system: string, progress?: ImportProgress): Promise<SystemImport> {
    const connector = this.connectors.get(system);
    if (!connector || !isPersonSystem(system)) throw new Error(`${system} holds no persons to import`);
    const extract = SOURCE_EXTRACTORS[system];
    const extractHouseholds = HOUSEHOLD_EXTRACTORS[system];
    const started = new Date();
    let read = 0;
    let staged = 0;
    let stagedHouseholds = 0;
    let batch: SourcePerson[] = [];
    let houses: SourceHousehold[] = [];
    // One batch is written while the next is read: the department's paging and PostgreSQL overlap.
    let writing: Promise<void> = Promise.resolve();
    const stage = (records: SourcePerson[], households: SourceHousehold[]) => {
      writing = writing.then(async () => {
        staged += await this.store.upsert(records, started);
        stagedHouseholds += await this.households.upsert(households, started);
        progress?.(system, read, staged);
      });
      // Marked handled at once; the error still surfaces where `writing` is awaited.
      writing.catch(() => undefined);
    };
    try {
      for await (const raw of connector.exportAll()) {
        read += 1;
        for (const person of extract(raw)) if (person.recordId) batch.push(person);
        for (const house of extractHouseholds?.(raw) ?? []) if (house.recordId) houses.push(house);
        if (batch.length + houses.length >= BATCH) {
          await writing;
          stage(batch, houses);
          batch = [];
          houses = [];
        }
      }
      stage(batch, houses);
      await writing;
    } catch (error) {
      await writing.catch(() => undefined);
      throw error;
    }
    const removed = await this.store.removeUnseen(system, started);
    const result: SystemImport = { system, read, staged, removed, seconds: 0 };
    if (extractHouseholds) {
      await this.households.removeUnseen(system, started);
      result.households = stagedHouseholds;
    }
    result.seconds = (Date.now() - started.getTime()) / 1000;
    return result;
  }

  /**
   * Moves each system's change-feed cursor past what the import just read, so the worker's
   * pollers take up only what departments change from now on, not their whole history again.
   * Only for systems never polled before: a cursor the worker already keeps is left alone.
   * A feed keyed by time starts an hour before the import did (`importStarted`): re-applying a
   * change already imported changes nothing, while reading the police's feed from its beginning
   * is the whole population in one reply (it times out at a million people). Others are paged
   * through to their end.
   */
  async followFeedsFromNow(systems = this.systems(), importStarted?: Date): Promise<Record<string, number>> {
    const skipped: Record<string, number> = {};
    for (const system of systems) {
      const connector = this.connectors.get(system);
      if (!connector?.changes) continue;
      if (await this.cursors.inboundCursor(system)) continue;
      let cursor: string | null = null;
      skipped[system] = 0;
      if (importStarted && connector.cursorAt) {
        cursor = connector.cursorAt(new Date(importStarted.getTime() - CLOCK_MARGIN_MS));
      } else {
        for (let page = 0; page < MAX_FEED_PAGES; page++) {
          const read = await patiently(() => connector.changes!(cursor));
          skipped[system] += read.changes.length;
          if (read.changes.length === 0 || read.cursor === cursor) break;
          cursor = read.cursor;
        }
      }
      if (cursor === null) continue;
      await this.cursors.startAt(system, cursor);
    }
    return skipped;
  }

  /**
   * Several systems at once: each export is bound by its own department (police's paging,
   * grid's 5 calls/s), so the import takes about as long as the slowest system, not their sum.
   * The grid goes first, as the slowest.
   */
  async importAll(systems = this.systems(), progress?: ImportProgress): Promise<SystemImport[]> {
    const results = new Map<string, SystemImport>();
    const queue = [...systems];
    const lane = async () => {
      for (let system = queue.shift(); system; system = queue.shift()) {
        const name = system;
        // Staging is an upsert and removal goes by the run's start, so a system whose export
        // broke off (a page timed out) is simply read again from the start.
        results.set(name, await patiently(() => this.importSystem(name, progress), 3));
      }
    };
    await Promise.all(Array.from({ length: Math.min(IMPORT_LANES, systems.length) }, lane));
    return systems.map((system) => results.get(system)!);
  }
}
