import type { INestApplicationContext } from '@nestjs/common';
import { startApi, type ApiHarness } from '../support/api-app';
import { startWorker } from '../support/worker-app';
import { startSimulator, type RunningSimulator } from '../simulator/support';

export type Rec = Record<string, unknown>;

/** The simulator (a child process), the API and the worker (both in this process), wired together. */
export interface Hub {
  sim: RunningSimulator;
  h: ApiHarness;
  worker: INestApplicationContext;
  close(): Promise<void>;
}

/**
 * Starts the three against fresh databases (`simulatorEnv`: a seed directory, for one;
 * `beforeWorker`: what happens before the worker runs, as an import does on go-live). Social
 * insurance takes uploads at any time, batches flush quickly and the worker polls the change
 * feeds often, so a test waits seconds, not minutes.
 */
export async function startHub(
  label: string,
  settings: Record<string, string> = {},
  simulatorEnv: Record<string, string> = {},
  beforeWorker?: (sim: RunningSimulator, api: ApiHarness) => Promise<void>,
): Promise<Hub> {
  const sim = await startSimulator(label, simulatorEnv);
  let h: ApiHarness | undefined;
  try {
    await sim.simulate('social-insurance', 'upload-window', { start: '00:00', end: '00:00' });
    h = await startApi(label);
    await beforeWorker?.(sim, h);
    const worker = await startWorker({
      DATABASE_URL: h.database.url,
      QUEUE_PREFIX: process.env.QUEUE_PREFIX ?? 'x',
      SIM_DATABASE_URL: sim.databaseUrl,
      DEPARTMENT_URLS: JSON.stringify(sim.urls),
      SOCIAL_INSURANCE_WINDOW: '00:00-00:00',
      BATCH_FLUSH_MS: '300',
      INBOUND_POLL_MS: '500',
      RELAY_POLL_MS: '100',
      ...settings,
    });
    const api = h;
    return {
      sim,
      h: api,
      worker,
      async close() {
        await worker.close();
        await api.close();
        await sim.stop();
      },
    };
  } catch (error) {
    await h?.close();
    await sim.stop();
    throw error;
  }
}

export interface RegisteredHousehold {
  id: string;
  members: Array<{ id: string }>;
}

/** Registers a household as the community worker; any answer but 201 fails the test with the API's reply. */
export async function registerHousehold(h: ApiHarness, body: Rec): Promise<RegisteredHousehold> {
  const res = await h.http.post('/api/households').auth(h.tokens.worker, { type: 'bearer' }).send(body);
  if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as RegisteredHousehold;
}

/** Waits until no delivery is open and every outbox event has been routed. */
export async function drained(h: ApiHarness, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ open, events }] = await h.db.query(
      `SELECT (SELECT count(*)::int FROM delivery WHERE status IN ('pending','sent')) AS open,
              (SELECT count(*)::int FROM outbox_event WHERE confirmed_at IS NULL) AS events`,
    );
    if (open === 0 && events === 0) return;
    if (Date.now() > deadline) throw new Error(`not drained: ${open} deliveries and ${events} events open`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Polls `probe` until it returns something other than undefined (or times out with `what`). */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The current reporting period (yyyy-MM) in China Standard Time. */
export function currentPeriod(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}
