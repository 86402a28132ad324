import type { HttpClient } from './http-client';
import { fanoutHousehold } from './fanout-households';

/** One change the API accepted: which outbox event it wrote and when its answer arrived. */
export interface AcceptedChange {
  kind: 'register' | 'patch';
  eventId: string;
  /** Epoch ms of the 201/200, on the same clock as PostgreSQL's now() (one machine). */
  answeredAt: number;
  /** Sent before the measured window opened: delivered like the rest, left out of the figures. */
  warmup: boolean;
}

export interface ArrivalResult {
  accepted: AcceptedChange[];
  failures: Map<string, number>;
  /** Changes that left later than their slot because MAX_IN_FLIGHT requests were still open. */
  late: number;
  startedAt: number;
  measuredFrom: number;
  endedAt: number;
}

/** Open-loop arrivals stop queueing behind a stalled API beyond this many requests. */
const MAX_IN_FLIGHT = 64;

interface Options {
  rate: number;
  seconds: number;
  warmupSeconds: number;
  /** Share of changes that are a PATCH of an already registered resident rather than a new household. */
  patchShare: number;
  community: string;
  token: string;
}

/**
 * Changes at a fixed arrival rate (open loop: a slow answer does not slow the arrivals, as
 * community workers do not wait for each other): new households, and phone corrections of
 * residents already registered, in a fixed interleaving so two runs send the same mix.
 */
export async function arrive(client: HttpClient, o: Options): Promise<ArrivalResult> {
  const total = Math.round(o.rate * (o.warmupSeconds + o.seconds));
  const warmupCount = Math.round(o.rate * o.warmupSeconds);
  const residents: string[] = [];
  const accepted: AcceptedChange[] = [];
  const failures = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  const fail = (label: string): void => void failures.set(label, (failures.get(label) ?? 0) + 1);
  let households = 0;
  let late = 0;

  const send = async (k: number): Promise<void> => {
    const warmup = k < warmupCount;
    // Every third-or-so slot (by patchShare) corrects someone, once there is someone to correct.
    const patch = residents.length > 0 && Math.floor((k + 1) * o.patchShare) > Math.floor(k * o.patchShare);
    try {
      if (patch) {
        const id = residents[(k * 7919) % residents.length];
        const phone = `137${String(k % 100_000_000).padStart(8, '0')}`;
        const answer = await client.patch(`/api/residents/${id}`, JSON.stringify({ phone }), o.token);
        if (answer.status !== 200) return fail(`PATCH ${answer.status} ${answer.body.slice(0, 160)}`);
        const { eventId } = JSON.parse(answer.body) as { eventId: string };
        accepted.push({ kind: 'patch', eventId, answeredAt: Date.now(), warmup });
      } else {
        const body = JSON.stringify(fanoutHousehold(households++, o.community));
        const answer = await client.post('/api/households', body, o.token);
        if (answer.status !== 201) return fail(`POST ${answer.status} ${answer.body.slice(0, 160)}`);
        const answeredAt = Date.now();
        const reply = JSON.parse(answer.body) as { eventId: string; members: Array<{ id: string }> };
        accepted.push({ kind: 'register', eventId: reply.eventId, answeredAt, warmup });
        residents.push(...reply.members.map((m) => m.id));
      }
    } catch (error) {
      fail(`error ${(error as Error).message}`);
    }
  };

  const startedAt = Date.now();
  const measuredFrom = startedAt + o.warmupSeconds * 1000;
  for (let k = 0; k < total; k++) {
    const due = startedAt + (k * 1000) / o.rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (inFlight.size >= MAX_IN_FLIGHT) {
      late += 1;
      await Promise.race(inFlight);
    }
    const request = send(k).finally(() => inFlight.delete(request));
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  return { accepted, failures, late, startedAt, measuredFrom, endedAt: Date.now() };
}
