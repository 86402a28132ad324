import { DEPARTMENT_SYSTEMS } from '@hub/infra';
import type { LedgerStatus } from '@hub/ledger';
import { shownText } from '../common/embedded-ids';
import { refusalFix, type RefusalFix } from '../todo/refusal-fix';

/** A ledger status, or `origin`: the department's own change, nothing to send it. */
export type DeliveryState = LedgerStatus | 'origin';

/** A subject's latest ledger row for one system, as read from `delivery`. */
export interface LedgerRow {
  system: string;
  version: number;
  status: Exclude<DeliveryState, 'origin'>;
  action: string | null;
  attempts: number;
  error_kind: string | null;
  last_error: string | null;
  updated_at: Date;
}

/** Where one change went in one system, as the console shows it. */
export interface SystemDelivery {
  system: string;
  name: string;
  status: DeliveryState;
  version: number | null;
  attempts: number;
  error: string | null;
  /** What kind of trouble `error` is (refused, temporary, scheduled: a closed upload window …). */
  errorKind: string | null;
  /** An operator has paused the department's queue: what waits is held, not failing. */
  paused: boolean;
  /** For a refusal: what the worker does about it, and which form fixes it. */
  fix: RefusalFix | null;
  updatedAt: string | null;
}

const CORRECTIONS_SYSTEM = 'justice-corrections';

export interface ViewOptions {
  /** The subject's version now: a change not yet routed has no rows of that version. */
  currentVersion: number;
  seesCorrections: boolean;
  /** Whether ID numbers inside departments' messages may be shown. */
  seesPersonalData: boolean;
  /** Systems whose queues an operator has paused. */
  paused: ReadonlySet<string>;
}

/**
 * One entry per department system, in the spec's order. A change the router has not yet looked
 * at (no row of the current version) reads as pending everywhere: where it goes is not decided.
 * Once routed, a system with no row never concerned the subject (or is not enabled): not
 * relevant; the statistics platform only ever receives monthly totals. A change that came from
 * the system itself reads as `origin`. Without the corrections permission the corrections system
 * reads as not relevant: that it holds someone would tell that the person is under corrections.
 */
export function presentSystems(rows: LedgerRow[], options: ViewOptions): SystemDelivery[] {
  const bySystem = new Map(rows.map((r) => [r.system, r]));
  const routed = rows.some((r) => r.version >= options.currentVersion);
  return DEPARTMENT_SYSTEMS.map(({ slug, name, mode }): SystemDelivery => {
    const row = bySystem.get(slug);
    const paused = options.paused.has(slug);
    const none = {
      system: slug,
      name,
      version: null,
      attempts: 0,
      error: null,
      errorKind: null,
      paused,
      fix: null,
      updatedAt: null,
    };
    if (slug === CORRECTIONS_SYSTEM && !options.seesCorrections) return { ...none, status: 'not_relevant' };
    if (!routed && mode !== 'report') return { ...none, status: 'pending', version: options.currentVersion };
    if (!row) return { ...none, status: 'not_relevant' };
    return {
      system: slug,
      name,
      status: row.action === 'origin' ? 'origin' : row.status,
      version: row.version,
      attempts: row.attempts,
      error: shownText(row.last_error, options.seesPersonalData),
      errorKind: row.error_kind,
      paused,
      fix: row.status === 'failed' ? refusalFix(row.last_error) : null,
      updatedAt: row.updated_at.toISOString(),
    };
  });
}
