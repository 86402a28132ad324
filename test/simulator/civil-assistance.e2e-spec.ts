import { createHash, createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from './support';

const FIXTURES = join(__dirname, 'fixtures');
const SEED = JSON.parse(readFileSync(join(FIXTURES, 'civil-assistance.json'), 'utf8')) as Household[];
const SLUG = 'civil-assistance';

interface Household {
  householdNo: string;
  headName: string;
  headIdCard: string;
  monthlyAmount: number;
  status: string;
  members: Array<{ name: string; idCard?: string; gender: string; relation: string }>;
  [key: string]: unknown;
}
interface Change {
  cursor: string;
  changeType: string;
  householdNo: string;
  household: Household;
}
interface ChangesPage {
  changes: Change[];
  nextCursor: string;
  hasMore: boolean;
}
interface HouseholdsPage {
  total: number;
  items: Household[];
}
interface Reply<T = unknown> {
  status: number;
  body: { code: number; message: string; data: T };
}
interface CallOptions {
  appKey?: string;
  secret?: string;
  timestamp?: number;
  nonce?: string;
  sign?: string;
  unsigned?: boolean;
}

const byNo = (a: Household, b: Household): number => a.householdNo.localeCompare(b.householdNo);

/** A new household, as the hub would push it (the head's ID numbers are valid GB 11643 numbers). */
const newHousehold = (overrides: Partial<Household> = {}): Omit<Household, 'householdNo'> => ({
  headName: '钱卫东',
  headIdCard: '320404195809200213',
  address: '常州市钟楼区北港街道清潭新村21幢1单元203室',
  assistanceType: 'dibao',
  monthlyAmount: 1050,
  approvedOn: '2024-04-01',
  status: 'active',
  members: [
    { name: '钱卫东', idCard: '320404195809200213', gender: '男', relation: '户主' },
    { name: '钱小雨', gender: '女', relation: '孙女' },
  ],
  ...overrides,
});

describe('civil-assistance simulator (民政局 社会救助信息系统)', () => {
  let sim: RunningSimulator;
  let base: string;

  /** Signs as the spec says: hex HMAC-SHA256 over method, path, timestamp, nonce, sha256(body). */
  async function call<T = unknown>(
    method: string,
    pathAndQuery: string,
    body?: unknown,
    o: CallOptions = {},
  ): Promise<Reply<T>> {
    const raw = body === undefined ? '' : JSON.stringify(body);
    const timestamp = String(o.timestamp ?? Date.now());
    const nonce = o.nonce ?? randomUUID();
    const path = pathAndQuery.split('?')[0];
    const bodyHash = createHash('sha256').update(raw).digest('hex');
    const sign =
      o.sign ??
      createHmac('sha256', o.secret ?? 'hub-civil-secret')
        .update(`${method}\n${path}\n${timestamp}\n${nonce}\n${bodyHash}`)
        .digest('hex');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (!o.unsigned)
      Object.assign(headers, {
        'x-app-key': o.appKey ?? 'hub',
        'x-timestamp': timestamp,
        'x-nonce': nonce,
        'x-sign': sign,
      });
    const res = await fetch(`${base}${pathAndQuery}`, {
      method,
      headers,
      body: raw === '' ? undefined : raw,
    });
    return { status: res.status, body: (await res.json()) as Reply<T>['body'] };
  }

  const records = (): Promise<Household[]> => sim.records<Household>(SLUG);
  const latestCursor = async (): Promise<string> => {
    let cursor = '0';
    for (;;) {
      const { body } = await call<ChangesPage>('GET', `/api/v1/changes?since=${cursor}&limit=500`);
      cursor = body.data.nextCursor;
      if (!body.data.hasMore) return cursor;
    }
  };

  beforeAll(async () => {
    sim = await startSimulator('civil', { SIM_SEED_DIR: FIXTURES });
    base = sim.urls[SLUG];
  });
  afterAll(() => sim.stop());
  afterEach(async () => {
    await sim.faults(SLUG, { errorRate: 0 });
    await sim.clock(SLUG, null);
  });

  it('loads the seed and exports it exactly, page by page, quirks included', async () => {
    const first = await call<HouseholdsPage>('GET', '/api/v1/households?page=1&size=4');
    const second = await call<HouseholdsPage>('GET', '/api/v1/households?page=2&size=4');
    const third = await call<HouseholdsPage>('GET', '/api/v1/households?page=3&size=4');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ code: 0, data: { total: SEED.length, page: 1, size: 4 } });
    expect(first.body.data.items).toHaveLength(4);
    expect(third.body.data.items).toEqual([]);
    expect([...first.body.data.items, ...second.body.data.items]).toEqual([...SEED].sort(byNo));
    expect((await records()).sort(byNo)).toEqual([...SEED].sort(byNo));

    const chen = (await records()).find((h) => h.householdNo === 'MZ320411000103');
    expect(chen?.members[3]).toEqual({ name: '陈可欣', gender: '女', relation: '女儿' });
    expect((await records()).flatMap((h) => h.members.map((m) => m.relation))).toEqual(
      expect.arrayContaining(['妻子', '儿子', '配偶', '子']),
    );
  });

  it('refuses unsigned, unknown, badly signed, stale and replayed requests with 401', async () => {
    const path = '/api/v1/households?page=1&size=1';
    const refusals = [
      await call('GET', path, undefined, { unsigned: true }),
      await call('GET', path, undefined, { appKey: 'intruder' }),
      await call('GET', path, undefined, { secret: 'wrong-secret' }),
      await call('GET', path, undefined, { timestamp: Date.now() - 6 * 60_000 }),
      await call('GET', path, undefined, { timestamp: Date.now() + 6 * 60_000 }),
      await call('GET', path, undefined, { timestamp: Date.now(), sign: 'ab'.repeat(32) }),
    ];
    for (const r of refusals) expect(r).toMatchObject({ status: 401, body: { code: 40101 } });
    expect(refusals.map((r) => r.body.message)).toEqual([
      expect.stringContaining('缺少签名参数'),
      '应用标识无效',
      '签名校验失败',
      expect.stringContaining('请求已过期'),
      expect.stringContaining('请求已过期'),
      '签名校验失败',
    ]);

    const nonce = randomUUID();
    expect((await call('GET', path, undefined, { nonce })).status).toBe(200);
    expect(await call('GET', path, undefined, { nonce })).toMatchObject({
      status: 401,
      body: { message: '重复的请求(nonce已使用)' },
    });

    // The window is judged by the department's clock, not the caller's.
    await sim.clock(SLUG, new Date(Date.now() + 6 * 60_000).toISOString());
    expect((await call('GET', path)).status).toBe(401);
    await sim.clock(SLUG, null);
    expect((await call('GET', path)).status).toBe(200);
    // The body is signed: a tampered body fails even with valid headers.
    const signedFor = await call('POST', '/api/v1/households', newHousehold(), { sign: 'cd'.repeat(32) });
    expect(signedFor.status).toBe(401);
  });

  it('creates with POST (new MZ number), updates and ends with PUT, and shows the effect in its records', async () => {
    const before = await sim.counters(SLUG);
    const created = await call<Household>('POST', '/api/v1/households', newHousehold());
    expect(created.status).toBe(201);
    const householdNo = created.body.data.householdNo;
    expect(householdNo).toMatch(/^MZ\d{12}$/);
    expect((await records()).find((h) => h.householdNo === householdNo)).toEqual({
      householdNo,
      ...newHousehold(),
    });

    const raised = await call(
      'PUT',
      `/api/v1/households/${householdNo}`,
      newHousehold({ monthlyAmount: 1180.25 }),
    );
    expect(raised).toMatchObject({
      status: 200,
      body: { code: 0, data: { householdNo, monthlyAmount: 1180.25 } },
    });
    const ended = await call('PUT', `/api/v1/households/${householdNo}`, newHousehold({ status: 'ended' }));
    expect(ended.status).toBe(200);
    const stored = (await records()).find((h) => h.householdNo === householdNo);
    expect(stored).toMatchObject({ status: 'ended', monthlyAmount: 1050 });

    const missing = await call('PUT', '/api/v1/households/MZ320402999999', newHousehold());
    expect(missing).toMatchObject({ status: 404, body: { message: '救助家庭MZ320402999999不存在' } });
    const after = await sim.counters(SLUG);
    expect(after.applied - before.applied).toBe(3);
  });

  it('refuses invalid documents with its own Chinese message and changes nothing', async () => {
    const before = await records();
    const counted = await sim.counters(SLUG);
    const badCheck = await call(
      'POST',
      '/api/v1/households',
      newHousehold({ headIdCard: '320404195809200214' }),
    );
    expect(badCheck).toMatchObject({ status: 422, body: { code: 42201, message: '户主身份证号码校验错误' } });
    const seeded = SEED[1];
    const badRelation = await call('PUT', `/api/v1/households/${seeded.householdNo}`, {
      ...seeded,
      members: [...seeded.members, { name: '张三', gender: '男', relation: '邻居' }],
    });
    expect(badRelation).toMatchObject({ status: 422, body: { message: '家庭成员张三与户主关系“邻居”无效' } });
    const badAmount = await call('PUT', `/api/v1/households/${seeded.householdNo}`, {
      ...seeded,
      monthlyAmount: 100.555,
    });
    expect(badAmount).toMatchObject({ status: 422, body: { message: '月救助金额最多保留两位小数' } });
    const headNotFirst = await call('PUT', `/api/v1/households/${seeded.householdNo}`, {
      ...seeded,
      members: [{ name: '张小明', gender: '男', relation: '子' }, ...seeded.members],
    });
    expect(headNotFirst).toMatchObject({ status: 422, body: { message: '第一位家庭成员必须是户主本人' } });
    expect(await records()).toEqual(before);
    expect((await sim.counters(SLUG)).rejected - counted.rejected).toBe(4);
  });

  it('refuses a second household for the same head, or a member already assisted elsewhere, and counts them', async () => {
    const before = await sim.counters(SLUG);
    const wang = SEED[0];
    const sameHead = await call('POST', '/api/v1/households', { ...wang, householdNo: undefined });
    expect(sameHead).toMatchObject({
      status: 409,
      body: {
        code: 40901,
        message: expect.stringContaining('该户主已有救助档案MZ320402000101'),
        data: { householdNo: 'MZ320402000101' },
      },
    });
    const memberElsewhere = await call(
      'POST',
      '/api/v1/households',
      newHousehold({
        headName: '李秀英',
        headIdCard: '320402196708050422',
        members: [{ name: '李秀英', idCard: '320402196708050422', gender: '女', relation: '户主' }],
      }),
    );
    expect(memberElsewhere).toMatchObject({
      status: 409,
      body: { message: '身份证号码为320402********0422的成员已在救助家庭MZ320402000101中享受救助' },
    });
    const after = await sim.counters(SLUG);
    expect(after.duplicatesRefused - before.duplicatesRefused).toBe(2);
    expect(after.applied).toBe(before.applied);
  });

  it("feeds the department's own decisions and the hub's pushes, each once, in order", async () => {
    const start = await latestCursor();
    const approved = (await sim.simulate(SLUG, 'approve', {
      headName: '郑志明',
      headIdCard: '320404198808080778',
      address: '常州市钟楼区永红街道西新桥二村7幢301室',
      assistanceType: 'tekun',
      monthlyAmount: 1404,
      approvedOn: '2024-05-06',
      members: [{ name: '郑志明', idCard: '320404198808080778', gender: '男', relation: '户主' }],
    })) as Household;
    expect(approved.householdNo).toMatch(/^MZ320404\d{6}$/);
    await sim.simulate(SLUG, 'change-amount', { householdNo: 'MZ320404000102', monthlyAmount: 1500 });

    const firstRead = await call<ChangesPage>('GET', `/api/v1/changes?since=${start}`);
    expect(firstRead.body.data.changes.map((c) => [c.changeType, c.householdNo])).toEqual([
      ['approved', approved.householdNo],
      ['amount_changed', 'MZ320404000102'],
    ]);
    expect(firstRead.body.data.changes[1].household.monthlyAmount).toBe(1500);
    const cursor = firstRead.body.data.nextCursor;

    // A push from the hub is in the feed too (the system does not know who called).
    const zhao = SEED[4];
    expect(
      (
        await call('PUT', `/api/v1/households/${zhao.householdNo}`, {
          ...zhao,
          address: '常州市天宁区茶山街道丽华新村3-2-501',
        })
      ).status,
    ).toBe(200);
    await sim.simulate(SLUG, 'terminate', { householdNo: 'MZ320413000106' });
    // An unchanged PUT is accepted but is not a change.
    expect(
      (await call('PUT', `/api/v1/households/${SEED[5].householdNo}`, { ...SEED[5], status: 'ended' }))
        .status,
    ).toBe(200);

    const paged1 = await call<ChangesPage>('GET', `/api/v1/changes?since=${cursor}&limit=1`);
    expect(paged1.body.data.hasMore).toBe(true);
    const paged2 = await call<ChangesPage>(
      'GET',
      `/api/v1/changes?since=${paged1.body.data.nextCursor}&limit=1`,
    );
    const rest = await call<ChangesPage>('GET', `/api/v1/changes?since=${paged2.body.data.nextCursor}`);
    expect(
      [...paged1.body.data.changes, ...paged2.body.data.changes].map((c) => [c.changeType, c.householdNo]),
    ).toEqual([
      ['updated', zhao.householdNo],
      ['terminated', 'MZ320413000106'],
    ]);
    expect(rest.body.data).toEqual({ changes: [], nextCursor: paged2.body.data.nextCursor, hasMore: false });
    expect((await call('GET', '/api/v1/changes?since=abc')).status).toBe(400);
  });

  it('answers injected failures in its own error format', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    const res = await call<HouseholdsPage>('GET', '/api/v1/households?page=1&size=1');
    expect(res).toEqual({ status: 503, body: { code: 50301, message: '系统繁忙，请稍后再试', data: null } });
  });
});
