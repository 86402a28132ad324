import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { deliveryQueueName, QueueName } from '@hub/infra';

/** dist/: this file runs as dist/scripts/bench/fanout-processes.js. */
const DIST = path.resolve(__dirname, '../..');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface Child {
  process: ChildProcess;
  /** Why the process ended before stop() was called (exit code or signal), if it did. */
  died(): string | undefined;
  /** Warnings and errors the child logged, grouped by message, system and error text. */
  warnings: Map<string, number>;
  stop(): Promise<void>;
}

/** Pino lines as a count per kind: a retry storm shows as one line with its number, not thousands. */
function collect(child: ChildProcess, warnings: Map<string, number>, onLine?: (line: string) => void): void {
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => {
    onLine?.(line);
    if (!line.startsWith('{')) return;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; system?: string; err?: unknown };
      if ((entry.level ?? 0) < 40) return;
      const err = typeof entry.err === 'string' ? entry.err : JSON.stringify(entry.err ?? '');
      const key = `${entry.msg ?? '?'} ${entry.system ?? ''} ${err.slice(0, 120)}`.trim();
      if (warnings.has(key) || warnings.size < 40) warnings.set(key, (warnings.get(key) ?? 0) + 1);
    } catch {
      // Not a log line (the simulator's ready line, a stray print): nothing to count.
    }
  });
}

/** A built app as its own process, as `npm run start:*` runs it. */
function spawnBuilt(entry: string, env: Record<string, string>, onLine?: (line: string) => void): Child {
  let stopping = false;
  let death: string | undefined;
  const child = spawn(process.execPath, ['-r', 'tsconfig-paths/register', path.join(DIST, entry)], {
    // JSON lines: they are counted below, whatever the format a developer's shell asks for.
    env: { ...process.env, TS_NODE_BASEURL: DIST, LOG_LEVEL: 'warn', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.once('exit', (code, signal) => {
    if (stopping) return;
    // A child that dies mid-run would otherwise only show as a drain that never ends.
    death = `${path.basename(path.dirname(path.dirname(entry)))} exited (code ${code}, signal ${signal})`;
    console.error(`  ${death}`);
  });
  const warnings = new Map<string, number>();
  collect(child, warnings, onLine);
  return {
    process: child,
    warnings,
    died: () => death,
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface RunningSimulator extends Child {
  controlUrl: string;
  urls: Record<string, string>;
}

export async function startSimulator(
  databaseUrl: string,
  realism: 'on' | 'off',
  options: { seedDir?: string; startupTimeoutMs?: number } = {},
): Promise<RunningSimulator> {
  const startupTimeoutMs = options.startupTimeoutMs ?? 60_000;
  type Ready = { controlPort: number; departments: Record<string, number | null> };
  let announce: (ready: Ready) => void = () => undefined;
  const announced = new Promise<Ready>((resolve) => (announce = resolve));
  // One reader on stdout for the whole life of the process: a second one would pause the pipe.
  const child = spawnBuilt(
    'apps/simulator/src/main.js',
    {
      SIM_DATABASE_URL: databaseUrl,
      SIM_BASE_PORT: '0',
      SIMULATOR_PORT: '0',
      SIM_REALISM: realism,
      ...(options.seedDir ? { SIM_SEED_DIR: options.seedDir } : {}),
    },
    (line) => {
      if (line.includes('"simulator":"ready"')) announce(JSON.parse(line) as Ready);
    },
  );
  let timer: NodeJS.Timeout | undefined;
  const ready = await Promise.race([
    announced,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`simulator did not start within ${startupTimeoutMs / 1000} s`)),
        startupTimeoutMs,
      );
      child.process.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
    }),
  ])
    .catch(async (error: unknown) => {
      await child.stop();
      throw error;
    })
    .finally(() => clearTimeout(timer));
  const urls = Object.fromEntries(
    Object.entries(ready.departments)
      .filter((e): e is [string, number] => e[1] !== null)
      .map(([slug, port]) => [slug, `http://127.0.0.1:${port}`]),
  );
  return { ...child, controlUrl: `http://127.0.0.1:${ready.controlPort}`, urls };
}

export async function control(sim: RunningSimulator, method: string, route: string, body?: unknown) {
  const res = await fetch(`${sim.controlUrl}${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** BullMQ lists a queue's consumers: the worker is up once the fan-out and a delivery queue have one. */
async function waitForConsumers(prefix: string, child: Child, timeoutMs = 60_000): Promise<void> {
  const queues = [QueueName.Fanout, deliveryQueueName('police-population')].map(
    (name) => new Queue(name, { connection: { url: REDIS_URL }, prefix }),
  );
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const counts = await Promise.all(queues.map((q) => q.getWorkersCount()));
      if (counts.every((n) => n > 0)) return;
      if (child.process.exitCode !== null) throw new Error(`worker exited with ${child.process.exitCode}`);
      if (Date.now() > deadline) throw new Error(`worker not consuming after ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}

export async function startWorker(settings: {
  databaseUrl: string;
  prefix: string;
  sim: RunningSimulator;
  simDatabaseUrl: string;
  /** Off: the hub does not pace calls either (the machinery's own cost). */
  realism: 'on' | 'off';
}): Promise<Child> {
  const child = spawnBuilt('apps/worker/src/main.js', {
    DATABASE_URL: settings.databaseUrl,
    QUEUE_PREFIX: settings.prefix,
    SIM_DATABASE_URL: settings.simDatabaseUrl,
    DEPARTMENT_URLS: JSON.stringify(settings.sim.urls),
    SOCIAL_INSURANCE_WINDOW: '00:00-00:00',
    BATCH_FLUSH_MS: '500',
    RELAY_POLL_MS: '100',
    ...(settings.realism === 'off' ? { RATE_LIMITS: '{}' } : {}),
  });
  try {
    await waitForConsumers(settings.prefix, child);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return child;
}

/** A trivial department for the bare BullMQ baseline: any request answers 200 with a small JSON body. */
export async function startTrivialServer(): Promise<Child & { url: string }> {
  const source = `require('node:http').createServer((req, res) => {
    req.resume();
    req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"ok":true}'); });
  }).listen(0, '127.0.0.1', function () { console.log(this.address().port); });`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(Number(line)));
    child.once('exit', (code) => reject(new Error(`trivial server exited with ${code}`)));
  });
  return {
    process: child,
    warnings: new Map(),
    died: () => (child.exitCode === null && child.signalCode === null ? undefined : 'trivial server exited'),
    url: `http://127.0.0.1:${port}/deliver`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Removes every key a run left in Redis under its queue prefix. */
export async function deleteRedisKeys(prefix: string): Promise<number> {
  if (!/^bench[-:]/.test(prefix)) throw new Error(`refusing to delete Redis keys under ${prefix}`);
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
