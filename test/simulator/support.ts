import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { databaseUrl, runId, TEST_PG_BASE } from '../support/test-env';

export interface RunningSimulator {
  process: ChildProcess;
  controlUrl: string;
  /** Base URL of each department that speaks HTTP. */
  urls: Record<string, string>;
  databaseUrl: string;
  /** PUT /control/:slug/faults */
  faults(slug: string, settings: Record<string, unknown>): Promise<void>;
  /** GET /control/:slug/counters */
  counters(slug: string): Promise<Record<string, number>>;
  /** GET /control/:slug/records */
  records<T = Record<string, unknown>>(slug: string): Promise<T[]>;
  /** PUT /control/:slug/clock */
  clock(slug: string, now: string | null): Promise<void>;
  /** POST /control/:slug/simulate/:action */
  simulate(slug: string, action: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

async function control(url: string, method: string, body?: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * The simulator as a real process (all twelve departments, each on a free port) with its own
 * database; `env` adds settings such as SIM_SEED_DIR or SIM_REALISM.
 */
export async function startSimulator(
  label: string,
  env: Record<string, string> = {},
): Promise<RunningSimulator> {
  const name = `hub_test_${runId()}_sim_${label.replace(/\W/g, '_')}_${randomBytes(3).toString('hex')}`;
  const dbUrl = databaseUrl(name);
  const child = spawn(process.execPath, ['test/support/run-ts.js', 'apps/simulator/src/main.ts'], {
    env: {
      ...process.env,
      SIM_DATABASE_URL: dbUrl,
      SIM_BASE_PORT: '0',
      SIMULATOR_PORT: '0',
      SIM_REALISM: 'off',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<{ controlPort: number; departments: Record<string, number | null> }>(
    (resolve, reject) => {
      const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
      const timer = setTimeout(() => reject(new Error('simulator did not start within 60 s')), 60_000);
      lines.on('line', (line) => {
        if (!line.includes('"simulator":"ready"')) return;
        clearTimeout(timer);
        resolve(JSON.parse(line) as { controlPort: number; departments: Record<string, number | null> });
      });
      child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
    },
  );
  const controlUrl = `http://127.0.0.1:${ready.controlPort}`;
  const urls = Object.fromEntries(
    Object.entries(ready.departments)
      .filter(([, port]) => port !== null)
      .map(([slug, port]) => [slug, `http://127.0.0.1:${port}`]),
  );
  return {
    process: child,
    controlUrl,
    urls,
    databaseUrl: dbUrl,
    faults: async (slug, settings) =>
      void (await control(`${controlUrl}/control/${slug}/faults`, 'PUT', settings)),
    counters: (slug) =>
      control(`${controlUrl}/control/${slug}/counters`, 'GET') as Promise<Record<string, number>>,
    records: <T>(slug: string) => control(`${controlUrl}/control/${slug}/records`, 'GET') as Promise<T[]>,
    clock: async (slug, now) => void (await control(`${controlUrl}/control/${slug}/clock`, 'PUT', { now })),
    simulate: (slug, action, body = {}) =>
      control(`${controlUrl}/control/${slug}/simulate/${action}`, 'POST', body),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      const admin = new Client({ connectionString: TEST_PG_BASE });
      await admin.connect();
      try {
        // family-planning keeps its exchange tables in a database of its own, named after this one.
        const { rows } = await admin.query<{ datname: string }>(
          `SELECT datname FROM pg_database WHERE datname LIKE $1`,
          [`${name}%`],
        );
        for (const { datname } of rows)
          await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
