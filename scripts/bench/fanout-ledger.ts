import { Client } from 'pg';
import { DEPARTMENT_SYSTEMS } from '@hub/infra';
import type { AcceptedChange, ArrivalResult } from './fanout-load';
import { percentiles, type Percentiles } from './load';

export const ONLINE = new Set<string>(
  DEPARTMENT_SYSTEMS.filter((s) => s.mode === 'online').map((s) => s.slug),
);
export const BATCH = new Set<string>(DEPARTMENT_SYSTEMS.filter((s) => s.mode === 'batch').map((s) => s.slug));

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface DrainResult {
  drained: boolean;
  seconds: number;
  /** Open (pending or sent) deliveries per system when the wait ended. */
  open: Record<string, number>;
  /** Outbox events not yet routed when the wait ended. */
  events: number;
}

/**
 * Waits until nothing is owed: every outbox event routed and no delivery pending or sent.
 * Prints each system's backlog every `reportEvery` ms, so a rate-limited system's catch-up shows.
 */
export async function waitForDrain(
  url: string,
  limitMs: number,
  died: () => string | undefined,
  reportEvery = 10_000,
): Promise<DrainResult> {
  return withClient(url, async (client) => {
    const started = Date.now();
    let lastReport = started;
    for (;;) {
      const { rows } = await client.query<{ system: string; open: number }>(
        `SELECT system, count(*)::int AS open FROM delivery WHERE status IN ('pending', 'sent') GROUP BY system`,
      );
      const {
        rows: [{ events }],
      } = await client.query<{ events: number }>(
        `SELECT count(*)::int AS events FROM outbox_event WHERE confirmed_at IS NULL`,
      );
      const open = Object.fromEntries(rows.map((r) => [r.system, r.open]));
      const seconds = (Date.now() - started) / 1000;
      if (rows.length === 0 && events === 0) return { drained: true, seconds, open, events };
      if (Date.now() - started > limitMs || died()) return { drained: false, seconds, open, events };
      if (Date.now() - lastReport >= reportEvery) {
        lastReport = Date.now();
        const backlog = rows.map((r) => `${r.system} ${r.open}`).join(', ');
        console.log(`  draining ${seconds.toFixed(0)} s: ${events} events unrouted; open: ${backlog || '—'}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  });
}

interface LedgerRow {
  event_id: string;
  system: string;
  action: string | null;
  status: string;
  at_ms: number;
  error_kind: string | null;
  last_error: string | null;
}

/** Every ledger row a department owes or owed (not the ones that never concerned it). */
export function readLedger(url: string): Promise<LedgerRow[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<LedgerRow>(
      `SELECT event_id::text AS event_id, system, action, status::text AS status,
              (extract(epoch FROM updated_at) * 1000)::float8 AS at_ms, error_kind, last_error
         FROM delivery WHERE status <> 'not_relevant' AND action IS DISTINCT FROM 'origin'`,
    );
    return rows;
  });
}

export interface SystemLag extends Percentiles {
  system: string;
  rows: number;
  confirmed: number;
  failed: number;
  open: number;
  /** Confirmed rows that a change entered later overtook by more than a second. */
  overtaken: number;
  /** The longest such wait behind a later change, in ms. */
  maxOvertakenMs: number;
  /** How many of the overtaken rows were corrections (PATCH) rather than registrations. */
  overtakenCorrections: number;
}

export interface FanoutFigures {
  changes: number;
  changesPerSecond: number;
  /** Confirmed upsert/end rows of online systems per second while changes were arriving. */
  deliveriesPerSecond: number;
  /** What the arrivals asked of online systems per second: the ceiling of deliveriesPerSecond. */
  offeredPerSecond: number;
  /** The same over all systems, from the first arrival to the last confirmation. */
  deliveriesToDrainPerSecond: number;
  deliveriesTotal: number;
  onlineDeliveriesTotal: number;
  online: Percentiles & { incomplete: number };
  /** The same without police-population, which the hub itself paces at 4 calls/s (the spec allows 5 in all). */
  onlineButPolice: Percentiles & { incomplete: number };
  batch: Percentiles & { incomplete: number; changes: number };
  systems: SystemLag[];
  failures: Array<{ system: string; kind: string; message: string; count: number }>;
}

const DELIVERED = new Set(['upsert', 'end']);

/** Entry (the API's answer) → the last system of `systems` confirmed, per measured change. */
function entryToLast(
  changes: AcceptedChange[],
  byEvent: Map<string, LedgerRow[]>,
  systems: Set<string>,
): { latencies: number[]; incomplete: number } {
  const latencies: number[] = [];
  let incomplete = 0;
  for (const change of changes) {
    const rows = (byEvent.get(change.eventId) ?? []).filter((r) => systems.has(r.system));
    if (rows.length === 0) continue;
    if (rows.some((r) => r.status !== 'confirmed')) incomplete += 1;
    else latencies.push(rows.reduce((max, r) => Math.max(max, r.at_ms), -Infinity) - change.answeredAt);
  }
  return { latencies, incomplete };
}

function systemLag(system: string, rows: LedgerRow[], answered: Map<string, AcceptedChange>): SystemLag {
  const confirmed = rows.filter((r) => r.status === 'confirmed');
  const measured = confirmed.filter((r) => answered.get(r.event_id)?.warmup === false);
  // A row is overtaken when a change entered after it was confirmed more than a second before it.
  const ordered = confirmed
    .map((r) => ({ change: answered.get(r.event_id), at: r.at_ms }))
    .sort((a, b) => (a.change?.answeredAt ?? 0) - (b.change?.answeredAt ?? 0));
  let earliestLater = Infinity;
  let overtaken = 0;
  let overtakenCorrections = 0;
  let maxOvertakenMs = 0;
  for (const { change, at } of ordered.reverse()) {
    if (at - earliestLater > 1000) {
      overtaken += 1;
      if (change?.kind === 'patch') overtakenCorrections += 1;
    }
    maxOvertakenMs = Math.max(maxOvertakenMs, at - earliestLater);
    earliestLater = Math.min(earliestLater, at);
  }
  return {
    system,
    rows: rows.length,
    confirmed: confirmed.length,
    failed: rows.filter((r) => r.status === 'failed').length,
    open: rows.filter((r) => r.status === 'pending' || r.status === 'sent').length,
    overtaken,
    overtakenCorrections,
    maxOvertakenMs,
    ...percentiles(measured.map((r) => r.at_ms - answered.get(r.event_id)!.answeredAt)),
  };
}

export function analyse(arrivals: ArrivalResult, rows: LedgerRow[]): FanoutFigures {
  const answered = new Map(arrivals.accepted.map((c) => [c.eventId, c]));
  const measured = arrivals.accepted.filter((c) => !c.warmup);
  // Only the rows of changes this run sent (a department's own changes would have no entry time).
  const ours = rows.filter((r) => answered.has(r.event_id));
  const byEvent = new Map<string, LedgerRow[]>();
  const bySystem = new Map<string, LedgerRow[]>();
  const push = (map: Map<string, LedgerRow[]>, key: string, row: LedgerRow): void => {
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  };
  for (const r of ours) {
    push(byEvent, r.event_id, r);
    push(bySystem, r.system, r);
  }
  const delivered = ours.filter((r) => r.status === 'confirmed' && DELIVERED.has(r.action ?? ''));
  const onlineDelivered = delivered.filter((r) => ONLINE.has(r.system));
  const windowMs = arrivals.endedAt - arrivals.measuredFrom;
  const inWindow = onlineDelivered.filter(
    (r) => r.at_ms >= arrivals.measuredFrom && r.at_ms <= arrivals.endedAt,
  );
  const lastAt = delivered.reduce((max, r) => Math.max(max, r.at_ms), -Infinity);
  const online = entryToLast(measured, byEvent, ONLINE);
  const onlineButPolice = entryToLast(
    measured,
    byEvent,
    new Set([...ONLINE].filter((system) => system !== 'police-population')),
  );
  const batch = entryToLast(measured, byEvent, BATCH);
  const failures = new Map<string, { system: string; kind: string; message: string; count: number }>();
  for (const r of ours.filter((x) => x.status === 'failed')) {
    const key = `${r.system}|${r.error_kind}|${r.last_error}`;
    const entry = failures.get(key) ?? {
      system: r.system,
      kind: r.error_kind ?? '?',
      message: r.last_error ?? '',
      count: 0,
    };
    entry.count += 1;
    failures.set(key, entry);
  }
  return {
    changes: measured.length,
    changesPerSecond: measured.length / (windowMs / 1000),
    deliveriesPerSecond: inWindow.length / (windowMs / 1000),
    offeredPerSecond:
      ours.filter(
        (r) => ONLINE.has(r.system) && DELIVERED.has(r.action ?? '') && !answered.get(r.event_id)!.warmup,
      ).length /
      (windowMs / 1000),
    deliveriesToDrainPerSecond: delivered.length / ((lastAt - arrivals.startedAt) / 1000),
    deliveriesTotal: delivered.length,
    onlineDeliveriesTotal: onlineDelivered.length,
    online: { ...percentiles(online.latencies), incomplete: online.incomplete },
    onlineButPolice: { ...percentiles(onlineButPolice.latencies), incomplete: onlineButPolice.incomplete },
    batch: { ...percentiles(batch.latencies), incomplete: batch.incomplete, changes: batch.latencies.length },
    systems: [...bySystem]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([system, list]) => systemLag(system, list, answered)),
    failures: [...failures.values()].sort((a, b) => b.count - a.count),
  };
}
