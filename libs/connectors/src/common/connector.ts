import type { SubjectSnapshot } from '@hub/domain';

/** What the hub knows of a subject in one system: the system's own record id, if any. */
export interface KnownRecord {
  externalId: string | null;
}

export interface PushOutcome {
  /** The system's own record id (new or unchanged); null for systems keyed by ID number. */
  externalId: string | null;
}

/** A change a department made itself, read from its change feed. */
export interface InboundChange {
  /** What the change is about; household systems (civil-assistance) say 'household'. Default resident. */
  subjectType?: 'resident' | 'household';
  /** The department's own record id, and the citizen ID when the system has one. */
  externalId: string | null;
  idNumber: string | null;
  /** Unified-record fields as the department states them (already translated to our codes). */
  fields: Record<string, unknown>;
  /** When the department made the change (its own clock). */
  changedAt: string;
}

export interface ChangePage {
  changes: InboundChange[];
  /** Opaque: give it back to read what comes after. */
  cursor: string;
}

/**
 * One departmental system, as seen from the hub. Each lives in `libs/connectors/src/<slug>/` with
 * its relevance rule, mapping and code translation (pure), transport, export and change readers.
 */
export interface Connector {
  slug: string;
  /** 'online': one call per subject; 'batch': coalesced files or calls (pushBatch). */
  mode: 'online' | 'batch';
  /**
   * Deliveries in flight at once (online systems; default 8). A system whose calls mostly wait
   * for the department's own processing takes more, so waiting does not limit throughput.
   */
  concurrency?: number;
  /**
   * The department keys persons by citizen ID number: a person the hub holds without one (a
   * newborn before the police issue it) waits instead of being sent and refused.
   */
  keyedByIdNumber?: boolean;
  /** Which subjects the system covers, per the spec's relevance column, on the given day. */
  relevant(subject: SubjectSnapshot, on: Date): boolean;
  /** The record as the system takes it: only its listed fields, codes translated. Pure. */
  map(subject: SubjectSnapshot, on: Date): Record<string, unknown>;
  /** Creates or updates the subject in the system. */
  push(subject: SubjectSnapshot, known: KnownRecord | null, on: Date): Promise<PushOutcome>;
  /** Ends a subject the system no longer covers, in the system's own way (status, delete, end row). */
  end(subject: SubjectSnapshot, known: KnownRecord | null, on: Date): Promise<void>;
  /** The system's whole content, in its own field names (import and reconciliation). */
  exportAll(): AsyncIterable<Record<string, unknown>>;
  /** The department's own changes after the cursor (null: from the beginning). */
  changes?(cursor: string | null): Promise<ChangePage>;
  /**
   * For a feed keyed by time: the cursor of the changes after `instant`, so the hub can follow
   * the feed from an import on without reading the department's whole history first.
   */
  cursorAt?(instant: Date): string;
  /** Reading exports back for reconciliation (systems without it cannot be reconciled). */
  exportReader?: ExportReader;
}

/**
 * The unified record's facts a department field carries, for comparing in the record's terms:
 * reconciliation normalises a field by it, promotion asks which facts a department holds at all.
 * `derived` fields are computed from several facts (a tag list, a count, a level by age).
 */
export type RecordFact =
  | 'idNumber'
  | 'name'
  | 'gender'
  | 'birthDate'
  | 'phone'
  | 'address'
  | 'registeredAddress'
  | 'ethnicity'
  | 'education'
  | 'maritalStatus'
  | 'politicalStatus'
  | 'livingStatus'
  | 'registrationType'
  | 'household'
  | 'status'
  | 'owned'
  | 'derived';

/** How to read an exported record back, for reconciliation. */
export interface ExportReader {
  /** Per field of `comparable()`, the fact it carries. */
  fields: Readonly<Record<string, RecordFact>>;
  /** The record's own id, its citizen ID, and whether the system still holds it as current. */
  identify(record: Record<string, unknown>): {
    externalId: string | null;
    idNumber: string | null;
    active: boolean;
    /** For systems that export persons and households together (grid-governance); default resident. */
    subjectType?: 'resident' | 'household';
  };
  /** The record in the shape `map()` produces, so the two compare field by field. */
  comparable(record: Record<string, unknown>): Record<string, unknown>;
}

/** A batch system takes many subjects in one file or call and answers per item. */
export interface BatchItem {
  subject: SubjectSnapshot;
  known: KnownRecord | null;
  action: 'upsert' | 'end';
}

export type BatchItemResult = { ok: true; externalId: string | null } | { ok: false; error: Error };

/** What the hub adds to a batch: the system's own ids of related subjects (a house's members). */
export interface BatchContext {
  /** resident id → that resident's record id in this system. */
  externalIds?: Record<string, string>;
}

export interface BatchConnector extends Connector {
  mode: 'batch';
  /** Sends the items and resolves with one result per item, in order (results may come later). */
  pushBatch(items: BatchItem[], on: Date, context?: BatchContext): Promise<BatchItemResult[]>;
  /**
   * Whether the department takes uploads now: null when it does, else why not and until when, in a
   * worker's words (an upload window). Nothing is attempted while closed, so nothing counts as failed.
   */
  closedNotice?(now: Date): string | null;
}
