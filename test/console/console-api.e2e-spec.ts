import type { Response } from 'supertest';
import { familyOfFour, person } from '../support/households';
import { drained, eventually, startHub, type Hub, type Rec } from '../delivery/harness';

type Who = 'worker' | 'neighbour' | 'operator' | 'admin';
type Entry = { system: string; name: string; status: string; version: number | null; error: string | null };
type Job = {
  id: string;
  kind: string;
  state: string;
  progress: { done: number; total: number };
  result: Rec | null;
};

const CHINESE = /[\u4e00-\u9fff]/;
const FULL_ID = /\d{17}[\dX]/;

describe('The console’s API: where a change went, metrics, search, long jobs, Bull Board', () => {
  let hub: Hub;
  let householdId: string;
  let memberIds: string[];
  let idNumbers: string[];
  let names: string[];

  const get = (path: string, who: Who) => hub.h.http.get(path).auth(hub.h.tokens[who], { type: 'bearer' });
  const post = (path: string, who: Who) => hub.h.http.post(path).auth(hub.h.tokens[who], { type: 'bearer' });
  /** What a refusal looks like to the console: its status, and whether it speaks Chinese. */
  const refusal = (res: Response) => ({
    status: res.status,
    chinese: CHINESE.test(String((res.body as Rec).message)),
  });
  const refused = (status: number) => ({ status, chinese: true });

  beforeAll(async () => {
    hub = await startHub('console');
    const body = familyOfFour();
    (body.address as Rec).gridCode = '320402002001001';
    const members = body.members as Rec[];
    Object.assign(members[1], { employmentStatus: '1' });
    Object.assign(members[2], { employmentStatus: '2', politicalStatus: '03' });
    idNumbers = members.map((m) => String(m.idNumber));
    names = members.map((m) => String(m.name));
    const res = await post('/api/households', 'worker').send(body);
    if (res.status !== 201)
      throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
    householdId = (res.body as { id: string }).id;
    memberIds = (res.body as { members: Array<{ id: string }> }).members.map((m) => m.id);
  }, 150_000);
  afterAll(() => hub?.close());

  describe('where a change went, per department system', () => {
    type View = {
      household: { subject: Rec; systems: Entry[] };
      members: Array<{ residentId: string; name: string; systems: Entry[] }>;
    };
    const open = (systems: Entry[]) => systems.some((s) => s.status === 'pending' || s.status === 'sent');

    it('turns every relevant system confirmed for the household and each member', async () => {
      const view = await eventually(
        'every delivery confirmed',
        async () => {
          const res = await get(`/api/households/${householdId}/deliveries`, 'worker');
          expect(res.status).toBe(200);
          const body = res.body as View;
          const all = [body.household.systems, ...body.members.map((m) => m.systems)];
          return all.some(open) ? undefined : body;
        },
        90_000,
      );
      expect(view.household.subject).toEqual({ type: 'household', id: householdId, version: 1 });
      expect(view.members.map((m) => m.residentId)).toEqual(memberIds);
      expect(view.members.map((m) => m.name)).toEqual(names);
      for (const subject of [view.household, ...view.members]) {
        expect(subject.systems).toHaveLength(12);
        expect(subject.systems.every((s) => ['confirmed', 'not_relevant'].includes(s.status))).toBe(true);
        expect(subject.systems.find((s) => s.system === 'statistics')?.status).toBe('not_relevant');
      }
      for (const member of view.members) {
        expect(member.systems.find((s) => s.system === 'police-population')).toMatchObject({
          name: '公安局 实有人口管理系统',
          status: 'confirmed',
          version: 1,
          error: null,
        });
      }
      const head = view.members[0].systems;
      expect(head.filter((s) => s.status === 'confirmed').map((s) => s.system)).toEqual(
        expect.arrayContaining(['aging-services', 'disability', 'public-health']),
      );
      // What the ledger holds, system by system, is what the view says.
      const ledger: Array<{ system: string }> = await hub.h.db.query(
        `SELECT DISTINCT system FROM delivery WHERE subject_id = $1 AND status = 'confirmed'`,
        [memberIds[0]],
      );
      expect(
        head
          .filter((s) => s.status === 'confirmed')
          .map((s) => s.system)
          .sort(),
      ).toEqual(ledger.map((r) => r.system).sort());
      const one = await get(`/api/residents/${memberIds[0]}/deliveries`, 'worker');
      expect(one.body).toEqual({
        subject: { type: 'resident', id: memberIds[0], version: 1 },
        systems: head,
      });
    }, 120_000);

    it('is read within the reader’s scope; IT operators see names masked', async () => {
      expect(refusal(await get(`/api/households/${householdId}/deliveries`, 'neighbour'))).toEqual(
        refused(404),
      );
      expect(refusal(await get(`/api/residents/${memberIds[0]}/deliveries`, 'neighbour'))).toEqual(
        refused(404),
      );
      expect(refusal(await get('/api/residents/not-an-id/deliveries', 'worker'))).toEqual(refused(404));
      const res = await get(`/api/households/${householdId}/deliveries`, 'operator');
      expect(res.status).toBe(200);
      expect((res.body as View).members[0].name).toBe('王*国');
      const text = JSON.stringify(res.body);
      for (const secret of [...names, ...idNumbers]) expect(text).not.toContain(secret);
    });
  });

  describe('metrics and the overview', () => {
    type Series = { range: string; bucketSeconds: number; buckets: string[]; systems: Record<string, Rec> };
    const sum = (values: unknown) => (values as number[]).reduce((a, b) => a + b, 0);

    it('counts confirmed deliveries per minute over the hour and per quarter hour over the day', async () => {
      await drained(hub.h);
      const hour = await get('/api/connectors/metrics?range=hour', 'operator');
      expect(hour.status).toBe(200);
      const h = hour.body as Series;
      expect({ range: h.range, bucketSeconds: h.bucketSeconds, buckets: h.buckets.length }).toEqual({
        range: 'hour',
        bucketSeconds: 60,
        buckets: 60,
      });
      expect(Object.keys(h.systems)).toHaveLength(12);
      const police = h.systems['police-population'];
      expect(sum(police.confirmed)).toBe(4);
      expect(sum(police.failed)).toBe(0);
      expect((police.p95LatencyMs as Array<number | null>).some((v) => typeof v === 'number' && v >= 0)).toBe(
        true,
      );
      const day = (await get('/api/connectors/metrics?range=day', 'operator')).body as Series;
      expect({ bucketSeconds: day.bucketSeconds, buckets: day.buckets.length }).toEqual({
        bucketSeconds: 900,
        buckets: 96,
      });
      expect(sum(day.systems['police-population'].confirmed)).toBe(4);
      expect(new Date(day.buckets[95]).getTime()).toBeLessThanOrEqual(Date.now());
    });

    it('adds rates, latency, age of the oldest open delivery and "down" to each system', async () => {
      const res = await get('/api/connectors', 'operator');
      const police = (res.body as Rec[]).find((s) => s.system === 'police-population');
      expect(police).toMatchObject({
        errorRate: 0,
        oldestOpenAgeSeconds: null,
        down: false,
        deliveriesLastMinute: expect.any(Number),
        p95LatencyMs: expect.any(Number),
        ledger: expect.objectContaining({ confirmed: 4 }),
      });
    });

    it('shows a system down while it refuses every call, and up again once it answers', async () => {
      await hub.sim.faults('public-health', { down: true });
      const res = await post('/api/households', 'worker').send({
        type: 'family',
        address: { estate: '青龙苑', building: '9', unit: '1', room: '901' },
        members: [
          person('赵一', '02', 40, '1'),
          person('钱二', '10', 38, '2'),
          person('孙三', '20', 10, '1'),
        ],
      });
      expect(res.status).toBe(201);
      const status = async () =>
        ((await get('/api/connectors', 'operator')).body as Rec[]).find((s) => s.system === 'public-health');
      const down = await eventually(
        'public-health down',
        async () => ((await status())?.down ? true : undefined),
        30_000,
      );
      expect(down).toBe(true);
      expect((await status())?.oldestOpenAgeSeconds).toEqual(expect.any(Number));
      await hub.sim.faults('public-health', { down: false });
      await drained(hub.h);
      expect(await status()).toMatchObject({ down: false, oldestOpenAgeSeconds: null });
    }, 120_000);

    it('refuses other ranges and other roles', async () => {
      expect(refusal(await get('/api/connectors/metrics?range=week', 'operator'))).toEqual(refused(400));
      expect(refusal(await get('/api/connectors/metrics', 'worker'))).toEqual(refused(403));
    });
  });

  describe('searching deliveries', () => {
    type Hit = Rec & {
      subjectId: string;
      system: string;
      name: string;
      idNumber: string;
      externalId: string | null;
    };

    it('finds a resident’s deliveries by ID number or name, masked for IT operators', async () => {
      const byId = await get(`/api/connectors/deliveries?q=${idNumbers[0]}`, 'operator');
      expect(byId.status).toBe(200);
      const hits = byId.body as Hit[];
      expect(hits.length).toBeGreaterThanOrEqual(3);
      expect(new Set(hits.map((h) => h.subjectId))).toEqual(new Set([memberIds[0]]));
      expect(hits[0]).toMatchObject({
        name: '王*国',
        idNumber: `${idNumbers[0].slice(0, 6)}********${idNumbers[0].slice(14)}`,
      });
      const text = JSON.stringify(hits);
      expect(text).not.toMatch(FULL_ID);
      expect(text).not.toContain(names[0]);
      const byName = (await get(`/api/connectors/deliveries?q=${encodeURIComponent(names[1])}`, 'operator'))
        .body as Hit[];
      expect(new Set(byName.map((h) => h.subjectId))).toEqual(new Set([memberIds[1]]));
      const audited: unknown[] = await hub.h.db.query(
        `SELECT 1 FROM audit_log WHERE action = 'resident.delivery-search' AND subject_id = $1 AND actor_role = 'it_operator'`,
        [memberIds[0]],
      );
      expect(audited.length).toBe(1);
      const admin = (await get(`/api/connectors/deliveries?q=${idNumbers[0]}`, 'admin')).body as Hit[];
      expect(admin[0]).toMatchObject({ name: names[0], idNumber: idNumbers[0] });
    });

    it('finds deliveries by the department’s own record id, and within one system', async () => {
      const [link]: Array<{ external_id: string }> = await hub.h.db.query(
        `SELECT external_id FROM system_link WHERE system = 'police-population' AND subject_id = $1`,
        [memberIds[2]],
      );
      expect(link?.external_id).toBeTruthy();
      const hits = (
        await get(
          `/api/connectors/deliveries?q=${encodeURIComponent(link.external_id)}&system=police-population`,
          'operator',
        )
      ).body as Hit[];
      expect(hits.length).toBeGreaterThanOrEqual(1);
      expect(hits.every((h) => h.system === 'police-population' && h.subjectId === memberIds[2])).toBe(true);
      expect(hits[0].externalId).toBe(link.external_id);
    });

    it('refuses an unknown system, an empty query and other roles', async () => {
      expect(refusal(await get('/api/connectors/deliveries?q=x&system=weather-bureau', 'operator'))).toEqual(
        refused(400),
      );
      expect(refusal(await get('/api/connectors/deliveries?q=', 'operator'))).toEqual(refused(400));
      expect(refusal(await get(`/api/connectors/deliveries?q=${idNumbers[0]}`, 'worker'))).toEqual(
        refused(403),
      );
      expect((await get('/api/connectors/deliveries?q=不存在的人', 'operator')).body).toEqual([]);
    });
  });

  describe('reconciliation as a job with progress', () => {
    const finished = (id: string) =>
      eventually(
        `job ${id} finished`,
        async () => {
          const job = (await get(`/api/jobs/${id}`, 'operator')).body as Job;
          return job.state === 'completed' || job.state === 'failed' ? job : undefined;
        },
        60_000,
      );

    it('runs in the worker, reports progress, and its result is listed per system', async () => {
      await drained(hub.h);
      const [elder] = await hub.sim.records<Rec>('aging-services');
      await hub.sim.simulate('aging-services', 'change-phone', {
        elderId: elder.elderId,
        phone: '13700001111',
      });
      const started = await post('/api/connectors/aging-services/reconcile', 'operator');
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({
        kind: 'reconcile',
        state: expect.stringMatching(/waiting|active/),
      });
      const job = await finished((started.body as Job).id);
      expect(job.state).toBe('completed');
      expect(job.progress.total).toBeGreaterThan(0);
      expect(job.progress.done).toBe(job.progress.total);
      expect(job.result).toMatchObject({
        system: 'aging-services',
        missing: 0,
        different: 1,
        runId: expect.any(String),
      });

      const list = await get('/api/connectors/reconciliations', 'operator');
      expect(list.status).toBe(200);
      const aging = (list.body as Rec[]).find((r) => r.system === 'aging-services') as Rec;
      expect(aging).toMatchObject({
        id: (job.result as Rec).runId,
        jobId: job.id,
        name: '老龄办 养老服务信息系统',
        status: 'completed',
        different: 1,
      });
      const [difference] = aging.differences as Array<{ fields: Rec[] }>;
      expect(difference.fields.every((f) => f.hub === '***' && f.department === '***')).toBe(true);
      expect(JSON.stringify(list.body)).not.toContain('13700001111');
      const forAdmin = (await get('/api/connectors/reconciliations', 'admin')).body as Rec[];
      expect(JSON.stringify(forAdmin.find((r) => r.system === 'aging-services'))).toContain('13700001111');
    }, 90_000);

    it('imports every department, resolves and promotes them as a job, a step per system', async () => {
      await drained(hub.h);
      const started = await post('/api/jobs/import', 'operator');
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({ kind: 'import' });
      const job = await finished((started.body as Job).id);
      expect(job.state).toBe('completed');
      // Eleven systems hold persons, plus the resolution and the promotion.
      expect(job.progress).toEqual({ done: 13, total: 13 });
      const result = job.result as { systems: Rec[]; resolution: Rec; promotion: Rec };
      expect(result.systems).toHaveLength(11);
      const [{ staged }]: Array<{ staged: number }> = await hub.h.db.query(
        `SELECT count(*)::int AS staged FROM source_record`,
      );
      expect(staged).toBeGreaterThan(0);
      expect(result.resolution).toMatchObject({ sourceRecords: staged });
      expect(result.promotion).toMatchObject({ goldenRecords: result.resolution.goldenRecords });
      expect(refusal(await post('/api/jobs/import', 'worker'))).toEqual(refused(403));
    }, 90_000);

    it('promotes the golden records as a job with its progress, again without creating anyone twice', async () => {
      const [before]: Array<{ residents: number }> = await hub.h.db.query(
        `SELECT count(*)::int AS residents FROM resident`,
      );
      const started = await post('/api/jobs/promote', 'operator');
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({ kind: 'promote' });
      const job = await finished((started.body as Job).id);
      expect(job.state).toBe('completed');
      expect(job.progress.total).toBeGreaterThan(0);
      expect(job.progress.done).toBe(job.progress.total);
      expect(job.result).toMatchObject({ residents: 0 });
      const [after]: Array<{ residents: number }> = await hub.h.db.query(
        `SELECT count(*)::int AS residents FROM resident`,
      );
      expect(after.residents).toBe(before.residents);
      expect(refusal(await post('/api/jobs/promote', 'worker'))).toEqual(refused(403));
    }, 90_000);

    it('refuses systems it cannot reconcile, unknown jobs and other roles', async () => {
      expect(refusal(await post('/api/connectors/weather-bureau/reconcile', 'operator'))).toEqual(
        refused(404),
      );
      expect(refusal(await post('/api/connectors/statistics/reconcile', 'operator'))).toEqual(refused(400));
      expect(
        refusal(await post('/api/connectors/aging-services/reconcile?repair=maybe', 'operator')),
      ).toEqual(refused(400));
      expect(refusal(await post('/api/connectors/aging-services/reconcile', 'worker'))).toEqual(refused(403));
      expect(refusal(await get('/api/jobs/not-a-job', 'operator'))).toEqual(refused(404));
      expect(refusal(await get('/api/jobs/987654321', 'operator'))).toEqual(refused(404));
    });
  });

  describe('Bull Board', () => {
    const login = async (username: string) => {
      const res = await hub.h.http.post('/api/auth/login').send({ username, password: 'Test@2026pass' });
      const cookie = ([] as string[])
        .concat(res.headers['set-cookie'] ?? [])
        .find((c) => c.startsWith('hub_token='));
      return String(cookie);
    };

    it('opens with the login cookie for IT staff, and for no one else', async () => {
      const cookie = await login('operator');
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toMatch(/Path=\/api/);
      const jar = cookie.split(';')[0];
      const page = await hub.h.http.get('/api/admin/queues').set('Cookie', jar);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<html');
      const queues = await hub.h.http.get('/api/admin/queues/api/queues').set('Cookie', jar);
      expect(queues.status).toBe(200);
      const listed = (queues.body as { queues: Array<{ name: string }> }).queues.map((q) => q.name);
      expect(listed).toEqual(expect.arrayContaining(['deliver-police-population', 'fanout', 'console-jobs']));

      expect(refusal(await hub.h.http.get('/api/admin/queues'))).toEqual(refused(401));
      expect(
        refusal(await hub.h.http.get('/api/admin/queues').set('Cookie', 'hub_token=forged.token.value')),
      ).toEqual(refused(401));
      const worker = (await login('worker')).split(';')[0];
      expect(refusal(await hub.h.http.get('/api/admin/queues/api/queues').set('Cookie', worker))).toEqual(
        refused(403),
      );
      expect((await get('/api/admin/queues/api/queues', 'admin')).status).toBe(200);
    });

    it('forgets the cookie at logout', async () => {
      const res = await hub.h.http.post('/api/auth/logout');
      expect(res.status).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/hub_token=;.*Expires=Thu, 01 Jan 1970/);
    });
  });
});
