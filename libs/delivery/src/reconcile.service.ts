import { Inject, Injectable } from '@nestjs/common';
import type { Connector, ExportReader } from '@hub/connectors';
import { maskCitizenId, type SubjectSnapshot } from '@hub/domain';
import { SnapshotService } from '@hub/record';
import { DataSource } from 'typeorm';
import { CONNECTORS, type ConnectorRegistry } from './connector-registry';
import { hubHolds, hubStates, sameFact } from './fact-values';
import { RecordSubjectsRepository } from './record-subjects.repository';
import { RedeliveryService } from './redelivery.service';
import { SystemLinkRepository, type LinkedRecord } from '@hub/ledger';

export interface FieldDifference {
  field: string;
  hub: unknown;
  department: unknown;
}

export interface Difference {
  kind: 'missing' | 'extra' | 'different' | 'duplicate';
  subjectType?: string;
  subjectId?: string;
  externalId?: string | null;
  /** Masked: a report is read by IT staff. */
  idNumber?: string | null;
  fields?: FieldDifference[];
}

export interface ReconcileReport {
  system: string;
  expected: number;
  held: number;
  missing: number;
  extra: number;
  different: number;
  duplicates: number;
  repaired: number;
  /** The first differences, for a person to look at (the counts are complete). */
  differences: Difference[];
}

type Exported = {
  record: Record<string, unknown>;
  subjectType: 'resident' | 'household';
  externalId: string | null;
  idNumber: string | null;
  matched: boolean;
};

const SHOWN = 200;
const SNAPSHOT_BATCH = 500;
/** How often (in subjects compared) a progress callback hears of it. */
const PROGRESS_EVERY = 250;

export interface ReconcileOptions {
  repair?: boolean;
  /** How many differences the report lists (default 200); the counts are always complete. */
  shown?: number;
  /** Told how many of the hub's subjects have been compared so far (for a progress bar). */
  onProgress?: (done: number, total: number) => Promise<void> | void;
}

/**
 * Compares what a system holds with what the unified record says it should hold: missing,
 * extra, different (field by field), and duplicates. With repair, missing and different
 * subjects are delivered again, and extras the hub knows are ended.
 */
@Injectable()
export class ReconcileService {
  private readonly systemLinks: SystemLinkRepository;
  private readonly record: RecordSubjectsRepository;

  constructor(
    @Inject(CONNECTORS) private readonly connectors: ConnectorRegistry,
    private readonly snapshots: SnapshotService,
    private readonly redelivery: RedeliveryService,
    db: DataSource,
  ) {
    this.systemLinks = new SystemLinkRepository(db);
    this.record = new RecordSubjectsRepository(db);
  }

  systems(): string[] {
    return [...this.connectors.values()].filter((c) => c.exportReader).map((c) => c.slug);
  }

  async reconcile(system: string, options: ReconcileOptions = {}): Promise<ReconcileReport> {
    const connector = this.connectors.get(system);
    if (!connector?.exportReader) throw new Error(`${system} cannot be reconciled (no export reader)`);
    const report: ReconcileReport = {
      system,
      expected: 0,
      held: 0,
      missing: 0,
      extra: 0,
      different: 0,
      duplicates: 0,
      repaired: 0,
      differences: [],
    };
    const shown = options.shown ?? SHOWN;
    const note = (d: Difference): void => {
      if (report.differences.length < shown) report.differences.push(d);
    };
    const exported = await this.readExport(connector, report, note);
    const byExternal = new Map(
      exported.filter((e) => e.externalId).map((e) => [`${e.subjectType}:${e.externalId}`, e]),
    );
    const byIdNumber = new Map(
      exported.filter((e) => e.idNumber).map((e) => [`${e.subjectType}:${e.idNumber}`, e]),
    );
    const links = await this.links(system);
    const toRepair: SubjectSnapshot[] = [];
    const now = new Date();
    const { onProgress } = options;
    const total = onProgress ? await this.record.count() : 0;
    let done = 0;
    await onProgress?.(0, total);
    for await (const subject of this.subjects()) {
      done += 1;
      if (onProgress && done % PROGRESS_EVERY === 0) await onProgress(done, Math.max(done, total));
      if (!connector.relevant(subject, now)) continue;
      report.expected += 1;
      const link = links.get(`${subject.type}:${subject.id}`);
      const idNumber =
        subject.type === 'resident' ? subject.idNumber : (subject.members[0]?.idNumber ?? null);
      const held =
        (link?.externalId ? byExternal.get(`${subject.type}:${link.externalId}`) : undefined) ??
        (idNumber ? byIdNumber.get(`${subject.type}:${idNumber}`) : undefined);
      if (!held || held.matched) {
        report.missing += 1;
        note({
          kind: 'missing',
          subjectType: subject.type,
          subjectId: subject.id,
          idNumber: idNumber && maskCitizenId(idNumber),
        });
        toRepair.push(subject);
        continue;
      }
      held.matched = true;
      const fields = this.compare(
        subject,
        connector.exportReader.fields,
        connector.map(subject, now),
        connector.exportReader.comparable(held.record),
      );
      if (fields.length > 0) {
        report.different += 1;
        note({
          kind: 'different',
          subjectType: subject.type,
          subjectId: subject.id,
          externalId: held.externalId,
          fields,
        });
        toRepair.push(subject);
      }
    }
    const linkedByExternal = new Map(
      [...links.entries()]
        .filter(([, l]) => l.externalId)
        .map(([key, l]) => [`${key.split(':')[0]}:${l.externalId}`, key]),
    );
    for (const e of exported.filter((x) => !x.matched)) {
      report.extra += 1;
      const known = e.externalId ? linkedByExternal.get(`${e.subjectType}:${e.externalId}`) : undefined;
      note({
        kind: 'extra',
        subjectId: known?.split(':')[1],
        externalId: e.externalId,
        idNumber: e.idNumber && maskCitizenId(e.idNumber),
      });
      // A subject the hub knows but the system should no longer hold: repair ends it there.
      const subject = known ? await this.snapshot(known) : undefined;
      if (subject) toRepair.push(subject);
    }
    if (options.repair) report.repaired = await this.repair(system, toRepair);
    await onProgress?.(Math.max(done, total), Math.max(done, total));
    return report;
  }

  private async readExport(
    connector: Connector,
    report: ReconcileReport,
    note: (d: Difference) => void,
  ): Promise<Exported[]> {
    const reader = connector.exportReader!;
    const active: Exported[] = [];
    const seen = new Map<string, number>();
    for await (const record of connector.exportAll()) {
      const { externalId, idNumber, active: current, subjectType = 'resident' } = reader.identify(record);
      if (!current) continue;
      report.held += 1;
      active.push({ record, subjectType, externalId, idNumber, matched: false });
      if (idNumber) seen.set(`${subjectType}:${idNumber}`, (seen.get(`${subjectType}:${idNumber}`) ?? 0) + 1);
    }
    for (const [key, count] of seen) {
      if (count < 2) continue;
      report.duplicates += count - 1;
      note({ kind: 'duplicate', idNumber: maskCitizenId(key.split(':')[1]) });
    }
    return active;
  }

  /**
   * Field by field over the fields both sides carry, in the record's terms (the fact each field
   * carries): representation (date formats, address styles, spaces) is no difference, and
   * neither is a field the hub does not know (it sends it empty, the department keeps its own).
   */
  private compare(
    subject: SubjectSnapshot,
    facts: ExportReader['fields'],
    hub: Record<string, unknown>,
    department: Record<string, unknown>,
  ): FieldDifference[] {
    return (
      Object.keys(hub)
        // A field the export declares but a record leaves out (FHIR omits an empty one) holds nothing.
        .filter((field) => (field in department || field in facts) && hubStates(hub[field]))
        .filter((field) => hubHolds(subject, facts[field]))
        .filter((field) => !sameFact(facts[field], hub[field], department[field]))
        .map((field) => ({ field, hub: hub[field], department: department[field] }))
    );
  }

  /** Delivered again: the department is taken to hold it, whatever the link said. */
  private repair(system: string, subjects: SubjectSnapshot[]): Promise<number> {
    return this.redelivery.redeliver(system, subjects, { assumeHeld: true });
  }

  private snapshot(key: string): Promise<SubjectSnapshot | undefined> {
    const [type, id] = key.split(':');
    return type === 'household' ? this.snapshots.household(id) : this.snapshots.resident(id);
  }

  private async links(system: string): Promise<Map<string, LinkedRecord>> {
    const links = await this.systemLinks.ofSystem(system);
    return new Map(links.map((l) => [`${l.subjectType}:${l.subjectId}`, l]));
  }

  private async *subjects(): AsyncGenerator<SubjectSnapshot> {
    const residents = await this.record.residentIds();
    // Read in batches: one round trip per few hundred residents, not one each.
    for (let i = 0; i < residents.length; i += SNAPSHOT_BATCH) {
      yield* await this.snapshots.residents(residents.slice(i, i + SNAPSHOT_BATCH));
    }
    const households = await this.record.householdIds();
    for (let i = 0; i < households.length; i += SNAPSHOT_BATCH) {
      yield* await this.snapshots.households(households.slice(i, i + SNAPSHOT_BATCH));
    }
  }
}
