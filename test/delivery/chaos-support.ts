import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import IORedis from 'ioredis';
import { spawnWorker, type WorkerProcess } from '../outbox/support';
import { person } from '../support/households';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function ping(url: string): Promise<boolean> {
  const probe = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/**
 * A Redis of this test's own, without persistence, so that restarting it loses every key exactly
 * as a crashed non-persistent Redis would — without touching the Redis other test files share.
 */
export class OwnRedis {
  private child: ChildProcess | undefined;
  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort());
    await redis.launch();
    return redis;
  }

  private async launch(): Promise<void> {
    this.child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 10_000;
    while (!(await ping(this.url))) {
      if (Date.now() > deadline) throw new Error(`redis-server on ${this.port} did not start`);
      await sleep(50);
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  /** Stopped and started again on the same port: every key is gone. */
  async restart(): Promise<void> {
    await this.stop();
    await this.launch();
  }

  /** Connections Redis holds now (every one of them is this test's). */
  async connections(): Promise<number> {
    const probe = new IORedis(this.url, { maxRetriesPerRequest: 1 });
    probe.on('error', () => undefined);
    try {
      const list = (await probe.client('LIST')) as string;
      return list.split('\n').filter(Boolean).length - 1;
    } finally {
      probe.disconnect();
    }
  }
}

/** The real worker as a child process that the test SIGKILLs and starts again. */
export class WorkerSupervisor {
  private current: WorkerProcess | undefined;
  kills = 0;
  starts = 0;
  readonly startupMs: number[] = [];

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly redis: OwnRedis,
  ) {}

  /** Starts a worker and waits until it has opened its queue connections. */
  async start(): Promise<void> {
    const started = Date.now();
    const before = await this.redis.connections();
    const worker = spawnWorker(this.env);
    this.current = worker;
    this.starts += 1;
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (worker.child.exitCode !== null)
        throw new Error(`worker exited with ${worker.child.exitCode}: ${worker.output()}`);
      if ((await this.redis.connections().catch(() => 0)) >= before + 10) break;
      if (Date.now() > deadline) throw new Error(`worker did not start: ${worker.output()}`);
      await sleep(200);
    }
    this.startupMs.push(Date.now() - started);
  }

  /** SIGKILL: no shutdown hook runs, in-flight calls and jobs are abandoned mid-way. */
  async kill(): Promise<void> {
    const worker = this.current;
    this.current = undefined;
    if (!worker || worker.child.exitCode !== null) return;
    worker.child.kill('SIGKILL');
    await worker.exited;
    this.kills += 1;
  }

  alive(): boolean {
    return this.current !== undefined && this.current.child.exitCode === null;
  }

  output(): string {
    return this.current?.output() ?? '';
  }

  async stop(): Promise<void> {
    const worker = this.current;
    this.current = undefined;
    if (!worker || worker.child.exitCode !== null) return;
    worker.child.kill('SIGTERM');
    const timer = setTimeout(() => worker.child.kill('SIGKILL'), 10_000);
    await worker.exited;
    clearTimeout(timer);
  }
}

/**
 * One household of three in the home community with everything each department requires, so
 * that nothing is refused: working-age men carry an employment and a political status.
 * Kinds rotate: elders with a son of militia age, a young family, a woman with her old mother
 * and teenage son. Some households receive 低保, some heads are disabled.
 */
export function chaosHousehold(i: number): Record<string, unknown> {
  const address = {
    estate: '青龙苑',
    building: String(1 + (i % 30)),
    unit: String(1 + (i % 4)),
    room: String(1000 + i),
    gridCode: '320402002001001',
  };
  const phone = (n: number) => `138${String(10_000_000 + i * 10 + n).padStart(8, '0')}`;
  const assistance =
    i % 5 === 0 ? { assistance: { type: 'dibao', amount: '1200', approvedOn: '2025-06-01' } } : {};
  switch (i % 3) {
    case 0:
      return {
        type: 'family',
        address,
        ...assistance,
        members: [
          person('王建国', '02', 62 + (i % 12), '1', {
            phone: phone(0),
            maritalStatus: '20',
            ...(i % 2 === 0 ? { disability: { type: '4', grade: '2' } } : {}),
          }),
          person('李秀英', '10', 58 + (i % 6), '2', { maritalStatus: '20', phone: phone(1) }),
          person('王小明', '20', 19 + (i % 3), '1', {
            education: '60',
            employmentStatus: '2',
            politicalStatus: '03',
          }),
        ],
      };
    case 1:
      return {
        type: 'family',
        address,
        ...assistance,
        members: [
          person('张伟', '02', 30 + (i % 15), '1', {
            phone: phone(0),
            maritalStatus: '20',
            employmentStatus: '1',
            politicalStatus: '03',
            education: '20',
          }),
          person('刘芳', '10', 28 + (i % 10), '2', {
            phone: phone(1),
            maritalStatus: '20',
            employmentStatus: '1',
            education: '30',
          }),
          person('张乐', '30', 2 + (i % 8), '2'),
        ],
      };
    default:
      return {
        type: 'family',
        address,
        ...assistance,
        members: [
          person('陈静', '02', 45 + (i % 8), '2', {
            phone: phone(0),
            maritalStatus: '40',
            employmentStatus: '1',
            education: '60',
          }),
          person('赵桂兰', '52', 80 + (i % 10), '2', { maritalStatus: '30', phone: phone(1) }),
          person('陈浩', '20', 16 + (i % 2), '1', { education: '70', employmentStatus: '5' }),
        ],
      };
  }
}

/** Which member of a `chaosHousehold(i)` is an adult (index in `members`). */
export const ADULTS_OF_KIND: Record<number, number[]> = { 0: [0, 1, 2], 1: [0, 1], 2: [0, 1] };

/** The ID number of an active record per department's dump, for counting doubles directly. */
export const HELD_ID: Record<string, (r: Record<string, unknown>) => string | null> = {
  'police-population': (r) => (['', '0'].includes(String(r.ZT ?? '')) ? String(r.GMSFHM) : null),
  'aging-services': (r) => (r.status === 'active' ? String(r.idCard) : null),
  disability: (r) => (r.status === 'valid' ? String(r.idNumber) : null),
  'civil-assistance': (r) => (r.status === 'active' ? String(r.headIdCard) : null),
  employment: (r) => (String(r.zxbz ?? '0') === '0' ? String(r.sfzhm) : null),
  'family-planning': (r) => (r.sfzh ? String(r.sfzh) : null),
  'public-health': (r) => {
    const p = r as { active?: boolean; deceasedBoolean?: boolean; identifier?: Array<{ value?: string }> };
    return p.active !== false && p.deceasedBoolean !== true ? (p.identifier?.[0]?.value ?? null) : null;
  },
  'social-insurance': (r) => (r['参保状态'] !== '终止参保' ? String(r['公民身份号码']) : null),
  'militia-conscription': (r) => (r['登记类型'] !== '注销登记' ? String(r['公民身份号码']) : null),
  'grid-governance': (r) => (r.personId && r.status === 'normal' ? String(r.idNo) : null),
  'justice-corrections': (r) => (r.sfzh ? String(r.sfzh) : null),
};

/** ID numbers held more than once among a department's active records. */
export function doubles(slug: string, records: Array<Record<string, unknown>>): string[] {
  const idOf = HELD_ID[slug];
  const seen = new Map<string, number>();
  for (const record of records) {
    const id = idOf(record)?.toUpperCase();
    if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
}

/** Runs `tasks` with at most `limit` at a time. */
export async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const item = items[next++];
        await task(item);
      }
    }),
  );
}
