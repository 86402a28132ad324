import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CONNECTORS, type ConnectorRegistry, ReconcileService, StatisticsReporter } from '@hub/delivery';
import type { SubjectSnapshot } from '@hub/domain';
import { loadHubConfig } from '@hub/infra';
import { SnapshotService } from '@hub/record';
import { CliModule } from '../../apps/cli/src/cli.module';
import { HOME, startApi, type ApiHarness } from '../support/api-app';
import { idFor } from '../support/households';
import { startSimulator, type RunningSimulator } from '../simulator/support';
import {
  ADULTS_OF_KIND,
  chaosHousehold,
  doubles,
  HELD_ID,
  OwnRedis,
  pool,
  sleep,
  WorkerSupervisor,
} from './chaos-support';
import { currentPeriod, drained, type Rec } from './harness';

const HOUSEHOLDS = 167;
const CHANGES = 2000;
/** How long the 2,000 changes are spread over (ms); the faults happen on this timeline. */
const CHANGE_PHASE_MS = 95_000;
const CONCURRENCY = 8;
const FLAKY = ['public-health', 'aging-services', 'disability'];
const OUTAGE = 'police-population';
const OUTAGE_MS = 60_000;

type Op = { kind: string; run: () => Promise<void> };

describe('Chaos: 2,000 changes through worker kills, failing departments, an outage and a Redis restart', () => {
  let redis: OwnRedis;
  let sim: RunningSimulator;
  let h: ApiHarness;
  let workers: WorkerSupervisor;
  let cli: INestApplicationContext | undefined;
  let settings: Record<string, string>;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    sim = await startSimulator('chaos');
    await sim.simulate('social-insurance', 'upload-window', { start: '00:00', end: '00:00' });
    h = await startApi('chaos', { redisUrl: redis.url });
    settings = {
      DATABASE_URL: h.database.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: process.env.QUEUE_PREFIX ?? 'chaos',
      SIM_DATABASE_URL: sim.databaseUrl,
      DEPARTMENT_URLS: JSON.stringify(sim.urls),
      SOCIAL_INSURANCE_WINDOW: '00:00-00:00',
      BATCH_FLUSH_MS: '300',
      INBOUND_POLL_MS: '500',
      RELAY_POLL_MS: '100',
      // PostgreSQL is shared with the other test files: a modest pool per process.
      DB_POOL_SIZE: '12',
      NODE_ENV: 'test',
    };
    workers = new WorkerSupervisor(
      { ...process.env, ...settings, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn' },
      redis,
    );
    await workers.start();
  }, 150_000);

  afterAll(async () => {
    await cli?.close().catch(() => undefined);
    await workers?.stop();
    await h?.close();
    await sim?.stop();
    await redis?.stop();
  }, 60_000);

  const auth = { type: 'bearer' as const };
  // What the phases below share: each starts only if the ones before it passed.
  const passed = new Set<string>();
  const after = (phase: string): void => {
    if (!passed.has(phase)) throw new Error(`not run: the phase "${phase}" before it failed`);
  };
  const log: string[] = [];
  let started = Date.now();
  const note = (what: string) => {
    log.push(`${Math.round((Date.now() - started) / 1000)}s ${what}`);
    if (process.env.CHAOS_TRACE) console.log(log[log.length - 1]);
  };
  let drainMs = 0;
  let living = 0;
  const held: Record<string, number> = {};
  const expectOk = (what: string, res: { status: number; body: unknown }, status = 200): void => {
    if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  };

  it('takes 2,000 changes through worker kills, failing departments, an outage and a Redis restart', async () => {
    // The changes: 167 households of three (501 residents), then patches and life events.
    const households: Array<{ id: string; kind: number; members: string[] }> = [];
    const ops: Op[] = [];
    const bodies = Array.from({ length: HOUSEHOLDS }, (_, i) => chaosHousehold(i));
    for (let i = 0; i < HOUSEHOLDS; i++) {
      ops.push({
        kind: 'register',
        run: async () => {
          const res = await h.http.post('/api/households').auth(h.tokens.worker, auth).send(bodies[i]);
          expectOk('registration', res, 201);
          const body = res.body as { id: string; members: Array<{ id: string }> };
          households[i] = { id: body.id, kind: i % 3, members: body.members.map((m) => m.id) };
        },
      });
    }
    // Life events on a few: kind-0 wives die, kind-2 sons move away, kind-1 families have a baby.
    const ending = new Set<string>(); // "household:member" that must not be patched
    const events: Op[] = [];
    for (let n = 0; n < 10; n++) {
      const dies = n * 15; // kind 0
      const leaves = n * 15 + 2; // kind 2
      const born = n * 15 + 1; // kind 1
      ending.add(`${dies}:1`).add(`${leaves}:2`);
      events.push(
        {
          kind: 'death',
          run: async () =>
            expectOk(
              'death',
              await h.http
                .post(`/api/residents/${households[dies].members[1]}/death`)
                .auth(h.tokens.worker, auth)
                .send({ date: daysAgo(3) }),
            ),
        },
        {
          kind: 'move-out',
          run: async () =>
            expectOk(
              'move-out',
              await h.http
                .post(`/api/residents/${households[leaves].members[2]}/move-out`)
                .auth(h.tokens.worker, auth)
                .send({ date: daysAgo(2) }),
            ),
        },
        {
          kind: 'birth',
          run: async () => {
            const birthDate = daysAgo(20);
            const res = await h.http
              .post(`/api/households/${households[born].id}/births`)
              .auth(h.tokens.worker, auth)
              .send({
                idNumber: idFor(birthDate, '1'),
                name: '张小宝',
                gender: '1',
                ethnicity: '01',
                birthDate,
                registrationType: 'registered',
                relation: '20',
              });
            expectOk('birth', res, 201);
          },
        },
      );
    }
    const patchable: Array<[number, number]> = [];
    for (let i = 0; i < HOUSEHOLDS; i++)
      for (const m of ADULTS_OF_KIND[i % 3]) if (!ending.has(`${i}:${m}`)) patchable.push([i, m]);
    const patches: Op[] = [];
    const EDUCATION = ['20', '30', '60', '70'];
    const plan = bodies.map((b) => (b.members as Rec[]).map((member) => ({ ...member })));
    for (let k = 0; patches.length + events.length + HOUSEHOLDS < CHANGES; k++) {
      const [i, m] = patchable[(k * 7919) % patchable.length];
      // What the resident will hold by then (patches to one person are ~400 changes apart).
      const planned = plan[i][m];
      const variant = k % 5;
      let change: Rec = { phone: `139${String(10_000_000 + k).padStart(8, '0')}` };
      if (variant === 3) {
        const held = EDUCATION.indexOf(String(planned.education));
        change = { education: EDUCATION[(held + 1) % EDUCATION.length] };
      } else if (variant === 4 && i % 3 === 2 && m === 0) {
        change = { maritalStatus: planned.maritalStatus === '40' ? '30' : '40' };
      }
      Object.assign(planned, change);
      patches.push({
        kind: 'patch',
        run: async () =>
          expectOk(
            `patch ${i}:${m} ${JSON.stringify(change)}`,
            await h.http
              .patch(`/api/residents/${households[i].members[m]}`)
              .auth(h.tokens.worker, auth)
              .send(change),
          ),
      });
    }
    // The life events are spread through the patches.
    const tail: Op[] = [...patches];
    events.forEach((e, n) => tail.splice(Math.floor(((n + 1) * tail.length) / (events.length + 1)), 0, e));
    ops.push(...tail);
    expect(ops).toHaveLength(CHANGES);

    // The faults, on a timeline over the change phase.
    started = Date.now();
    let aborted = false;
    const at = async (ms: number) => {
      await sleep(Math.max(0, started + ms - Date.now()));
      if (aborted) throw new Error('aborted');
    };
    for (const slug of FLAKY) await sim.faults(slug, { errorRate: 0.3 });
    note(`errorRate 0.3 on ${FLAKY.join(', ')}`);
    const killAndRestart = async () => {
      await workers.kill();
      note(`worker SIGKILLed (${workers.kills})`);
      await sleep(1000);
      await workers.start();
      note('worker restarted');
    };
    const timeline = (async () => {
      await at(5_000);
      await killAndRestart();
      await at(15_000);
      await sim.faults(OUTAGE, { down: true });
      note(`${OUTAGE} down`);
      await at(35_000);
      await killAndRestart();
      await at(50_000);
      await redis.restart();
      note('Redis restarted (all keys lost)');
      await at(65_000);
      await killAndRestart();
      await at(15_000 + OUTAGE_MS);
      await sim.faults(OUTAGE, { down: false });
      note(`${OUTAGE} up`);
    })();
    timeline.catch(() => undefined);

    // Registrations first (patches need them), then the rest, at a steady pace.
    const pace = CHANGE_PHASE_MS / CHANGES;
    const counts: Record<string, number> = {};
    const paced = (offset: number) => async (op: Op & { index: number }) => {
      await at((op.index + offset) * pace);
      await op.run();
      counts[op.kind] = (counts[op.kind] ?? 0) + 1;
    };
    const indexed = ops.map((op, index) => ({ ...op, index }));
    try {
      await pool(indexed.slice(0, HOUSEHOLDS), CONCURRENCY, paced(0));
      await pool(indexed.slice(HOUSEHOLDS), CONCURRENCY, paced(0));
    } catch (error) {
      aborted = true;
      await timeline.catch(() => undefined);
      throw error;
    }
    note(`${CHANGES} changes acknowledged`);
    await timeline;
    for (const slug of FLAKY) await sim.faults(slug, { errorRate: 0 });
    note('faults cleared');
    expect(counts).toEqual({ register: HOUSEHOLDS, death: 10, 'move-out': 10, birth: 10, patch: 1803 });
    expect(workers.kills).toBe(3);
    if (!workers.alive()) await workers.start();
    passed.add('changes');
  }, 200_000);

  it('drains: every ledger row ends confirmed or not relevant', async () => {
    after('changes');
    const drainStarted = Date.now();
    await drained(h, 300_000);
    drainMs = Date.now() - drainStarted;
    note('drained');
    const open = await h.db.query(
      `SELECT system, status, count(*)::int AS n, min(last_error) AS error FROM delivery
        WHERE status NOT IN ('confirmed', 'not_relevant') GROUP BY system, status`,
    );
    expect(open).toEqual([]);
    passed.add('drain');
  }, 310_000);

  it('applied no version after a newer one: each system holds each subject at its latest version', async () => {
    after('drain');
    cli = await NestFactory.createApplicationContext(
      CliModule.forRoot(loadHubConfig({ ...settings, LOG_LEVEL: 'silent' })),
      { logger: false },
    );
    const connectors = cli.get<ConnectorRegistry>(CONNECTORS);
    const snapshots = cli.get(SnapshotService);

    const links = new Map<string, { delivered_version: number; present: boolean }>(
      (
        await h.db.query<
          Array<{
            system: string;
            subject_type: string;
            subject_id: string;
            delivered_version: number;
            present: boolean;
          }>
        >(`SELECT system, subject_type, subject_id, delivered_version, present FROM system_link`)
      ).map((l) => [`${l.system}:${l.subject_type}:${l.subject_id}`, l]),
    );
    const subjects: SubjectSnapshot[] = [];
    for (const { id } of await h.db.query<Array<{ id: string }>>(`SELECT id FROM resident`))
      subjects.push((await snapshots.resident(id))!);
    for (const { id } of await h.db.query<Array<{ id: string }>>(`SELECT id FROM household`))
      subjects.push((await snapshots.household(id))!);
    const stale: string[] = [];
    const now = new Date();
    for (const connector of connectors.values()) {
      if (connector.slug === 'statistics') continue;
      for (const subject of subjects) {
        const link = links.get(`${connector.slug}:${subject.type}:${subject.id}`);
        if (connector.relevant(subject, now)) {
          if (!link?.present || link.delivered_version !== subject.version)
            stale.push(
              `${connector.slug} ${subject.type} ${subject.id} v${subject.version}: ${JSON.stringify(link)}`,
            );
        } else if (link?.present) {
          const rows = await h.db.query(
            `SELECT version, status, action, error_kind, last_error, attempts FROM delivery
              WHERE system = $1 AND subject_id = $2 ORDER BY version`,
            [connector.slug, subject.id],
          );
          stale.push(
            `${connector.slug} ${subject.type} ${subject.id} v${subject.version}: still held ${JSON.stringify(link)} ${JSON.stringify(rows)}`,
          );
        }
      }
    }
    expect(stale.slice(0, 20)).toEqual([]);
    note('links checked');
    passed.add('links');
  }, 120_000);

  it('reconciles with 0 differences in every system; statistics counts who lives here now', async () => {
    after('links');
    const reconciler = cli!.get(ReconcileService);
    const systems = reconciler.systems();
    expect(systems).toHaveLength(11);
    for (const system of systems) {
      const report = await reconciler.reconcile(system);
      held[system] = report.held;
      note(`reconciled ${system}`);
      expect({
        system,
        missing: report.missing,
        extra: report.extra,
        different: report.different,
        duplicates: report.duplicates,
        shown: report.differences.slice(0, 5),
      }).toEqual({ system, missing: 0, extra: 0, different: 0, duplicates: 0, shown: [] });
    }
    // statistics keeps reports, not people: this month's report counts who lives here now.
    const [{ population }] = await cli!.get(StatisticsReporter).submit(currentPeriod(), [HOME]);
    [{ living }] = await h.db.query(
      `SELECT count(*)::int AS living FROM resident
        WHERE community_code = $1 AND life_status = 'alive' AND residence_status = 'present'`,
      [HOME],
    );
    expect(population).toBe(living);
    expect(living).toBe(HOUSEHOLDS * 3 - 20 + 10);
    const reports = await sim.records<Rec>('statistics');
    expect(reports.filter((r) => r.communityCode === HOME && r.period === currentPeriod())).toHaveLength(1);
    passed.add('reconcile');
  }, 180_000);

  it('leaves no department holding anyone twice (read from the simulator’s own records)', async () => {
    after('drain');
    const doubled: Record<string, string[]> = {};
    for (const slug of Object.keys(HELD_ID)) {
      const found = doubles(slug, await sim.records<Rec>(slug));
      if (found.length > 0) doubled[slug] = found;
    }
    expect(doubled).toEqual({});
  }, 60_000);

  it('tells what the faults cost: redeliveries, duplicates refused, drain time', async () => {
    after('drain');
    const [ledger] = await h.db.query(
      `SELECT count(*) FILTER (WHERE status = 'confirmed' AND action IS DISTINCT FROM 'origin')::int AS confirmed,
              count(*) FILTER (WHERE attempts > 1)::int AS retried,
              coalesce(sum(attempts - 1) FILTER (WHERE attempts > 1), 0)::int AS redeliveries,
              coalesce(sum(attempts), 0)::int AS attempts
         FROM delivery`,
    );
    const sims = { calls: 0, applied: 0, faultsInjected: 0, duplicatesRefused: 0, rejected: 0 };
    for (const slug of Object.keys(HELD_ID)) {
      const c = await sim.counters(slug);
      for (const key of Object.keys(sims) as Array<keyof typeof sims>) sims[key] += c[key] ?? 0;
    }
    console.log(
      `chaos: ${CHANGES} changes (${HOUSEHOLDS} households, ${living} residents living here) | ` +
        `deliveries confirmed ${ledger.confirmed}, attempts ${ledger.attempts}, ` +
        `redeliveries ${ledger.redeliveries} over ${ledger.retried} ledger rows | ` +
        `simulators: calls ${sims.calls}, applied ${sims.applied}, faults injected ${sims.faultsInjected}, ` +
        `duplicates refused ${sims.duplicatesRefused}, rejected ${sims.rejected} | ` +
        `worker kills ${workers.kills}, starts ${workers.starts} (startup ${workers.startupMs.join('/')} ms) | ` +
        `drain ${drainMs} ms | records held ${JSON.stringify(held)} | ${log.join('; ')}`,
    );
    expect(sims.faultsInjected).toBeGreaterThan(0);
  }, 60_000);
});

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}
