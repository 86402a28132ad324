import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from './support';

const FIXTURES = join(__dirname, 'fixtures');
const SLUG = 'aging-services';

interface Elder {
  elderId: string;
  name: string;
  idCard: string;
  gender: string;
  birthDate: string;
  phone: string | null;
  livingStatus: string | null;
  allowanceLevel: string;
  status: string;
  [key: string]: unknown;
}
interface Reply<T> {
  status: number;
  body: T;
  headers: Headers;
}
interface ElderPage {
  total: number;
  offset: number;
  limit: number;
  items: Elder[];
}
interface Problem {
  error: string;
  message: string;
  elderId?: string;
}

const SEED = JSON.parse(readFileSync(join(FIXTURES, 'aging-services.json'), 'utf8')) as Elder[];

/** The band as the spec defines it (whole years on the department's day, Beijing time). */
function expectedLevel(birthDate: string, now = new Date()): string {
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  let age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (today.slice(5) < birthDate.slice(5)) age -= 1;
  return age >= 100 ? '100+' : age >= 90 ? '90-99' : age >= 80 ? '80-89' : 'none';
}

/** A 67-year-old man with a valid GB 11643 number, as the hub would push him. */
const newElder = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: '顾荣生',
  idCard: '320412195806300155',
  gender: 'M',
  birthDate: '1958-06-30',
  phone: '13775200155',
  address: '常州市武进区湖塘镇花园街33号',
  livingStatus: 'with_spouse',
  emergencyContact: { name: '顾敏', phone: '13961200156' },
  status: 'active',
  ...overrides,
});

describe('aging-services simulator (老龄办 养老服务信息系统)', () => {
  let sim: RunningSimulator;
  let base: string;
  let token: string;

  async function tokenWith(init: RequestInit): Promise<Reply<Record<string, unknown>>> {
    const res = await fetch(`${base}/oauth/token`, { method: 'POST', ...init });
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
  }
  const formToken = (secret = 'hub-aging-secret'): Promise<Reply<Record<string, unknown>>> =>
    tokenWith({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'hub',
        client_secret: secret,
      }).toString(),
    });

  async function api<T = Problem>(
    method: string,
    path: string,
    body?: unknown,
    bearer = token,
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T, headers: res.headers };
  }
  const records = (): Promise<Elder[]> => sim.records<Elder>(SLUG);

  beforeAll(async () => {
    sim = await startSimulator('aging', { SIM_SEED_DIR: FIXTURES });
    base = sim.urls[SLUG];
    token = String((await formToken()).body.access_token);
  });
  afterAll(() => sim.stop());
  afterEach(async () => {
    await sim.faults(SLUG, { errorRate: 0 });
    await sim.clock(SLUG, null);
  });

  it('loads the seed and exports it exactly by offset and limit, computing the allowance band from age', async () => {
    const pages = await Promise.all(
      [0, 3, 6].map((offset) => api<ElderPage>('GET', `/elders?offset=${offset}&limit=3`)),
    );
    expect(pages[0].body).toMatchObject({ total: SEED.length, offset: 0, limit: 3 });
    expect(pages.map((p) => p.body.items.length)).toEqual([3, 3, 2]);
    const expected = SEED.map((e) => ({ ...e, allowanceLevel: expectedLevel(e.birthDate) }));
    expect(pages.flatMap((p) => p.body.items)).toEqual(expected);
    expect(await records()).toEqual(expected);
    // Legacy 15-digit numbers and stale phones are kept as the department holds them.
    expect(expected.find((e) => e.elderId === 'EL0000000003')).toMatchObject({
      idCard: '320402340615031',
      phone: '0519-6612345',
    });
  });

  it('issues tokens for form, JSON and Basic client credentials, and refuses bad clients', async () => {
    const form = await formToken();
    expect(form).toMatchObject({ status: 200, body: { token_type: 'Bearer', expires_in: 600 } });
    expect(form.headers.get('cache-control')).toBe('no-store');
    const json = await tokenWith({
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: 'hub',
        client_secret: 'hub-aging-secret',
      }),
    });
    expect(json.status).toBe(200);
    const basic = await tokenWith({
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('hub:hub-aging-secret').toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    expect(basic.status).toBe(200);
    expect(await formToken('wrong')).toMatchObject({
      status: 401,
      body: { error: 'invalid_client', error_description: '客户端认证失败' },
    });
    const password = await tokenWith({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&client_id=hub&client_secret=hub-aging-secret',
    });
    expect(password).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });

    expect(await api('GET', '/elders', undefined, '')).toMatchObject({
      status: 401,
      body: { error: 'unauthorized', message: '缺少访问令牌' },
    });
    expect(await api('GET', '/elders', undefined, 'forged')).toMatchObject({
      status: 401,
      body: { error: 'invalid_token', message: '访问令牌无效' },
    });
  });

  it('refuses a token after 10 minutes by the department clock, and accepts a renewed one', async () => {
    const fresh = String((await formToken()).body.access_token);
    expect((await api('GET', '/elders?limit=1', undefined, fresh)).status).toBe(200);
    await sim.clock(SLUG, new Date(Date.now() + 11 * 60_000).toISOString());
    const expired = await api('GET', '/elders?limit=1', undefined, fresh);
    expect(expired).toMatchObject({
      status: 401,
      body: { error: 'invalid_token', message: '访问令牌已过期，请重新获取' },
    });
    expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token"');
    const renewed = String((await formToken()).body.access_token);
    expect((await api('GET', '/elders?limit=1', undefined, renewed)).status).toBe(200);
    await sim.clock(SLUG, null);
    token = renewed;
  });

  it('creates with POST (new elderId), replaces with PUT, ends with a status, all visible in its records', async () => {
    const before = await sim.counters(SLUG);
    const created = await api<Elder>('POST', '/elders', newElder());
    expect(created.status).toBe(201);
    const { elderId } = created.body;
    expect(elderId).toMatch(/^EL\d{10}$/);
    expect(SEED.map((e) => e.elderId)).not.toContain(elderId);
    expect((await records()).find((e) => e.elderId === elderId)).toEqual({
      elderId,
      ...newElder(),
      allowanceLevel: 'none',
    });

    const moved = await api<Elder>(
      'PUT',
      `/elders/${elderId}`,
      newElder({ phone: '13775200999', status: 'moved' }),
    );
    expect(moved).toMatchObject({ status: 200, body: { elderId, phone: '13775200999', status: 'moved' } });
    expect((await records()).find((e) => e.elderId === elderId)).toMatchObject({
      status: 'moved',
      phone: '13775200999',
    });
    // The band is the system's to compute: a caller may send it, and it must agree.
    expect((await api('PUT', `/elders/${elderId}`, newElder({ allowanceLevel: 'none' }))).status).toBe(200);

    expect(await api('PUT', '/elders/EL9999999999', newElder())).toMatchObject({
      status: 404,
      body: { message: '老人档案不存在' },
    });
    expect((await sim.counters(SLUG)).applied - before.applied).toBe(3);
  });

  it('lets a legacy 15-digit record be upgraded to its own 18-digit number, and to no other', async () => {
    const gao = SEED.find((e) => e.elderId === 'EL0000000003') as Elder;
    const other = await api('PUT', '/elders/EL0000000003', { ...gao, idCard: '320402194607050221' });
    expect(other).toMatchObject({ status: 422, body: { message: '身份证号码不可修改' } });
    const upgraded = await api<Elder>('PUT', '/elders/EL0000000003', {
      ...gao,
      idCard: '32040219340615031X',
    });
    expect(upgraded).toMatchObject({
      status: 200,
      body: { idCard: '32040219340615031X', allowanceLevel: '90-99' },
    });
    expect((await records()).find((e) => e.elderId === 'EL0000000003')?.idCard).toBe('32040219340615031X');
  });

  it('refuses what the office would refuse, in Chinese, and changes nothing', async () => {
    const before = await records();
    const counted = await sim.counters(SLUG);
    const refusals = await Promise.all([
      api(
        'POST',
        '/elders',
        newElder({ name: '钱磊', idCard: '320402199201010134', birthDate: '1992-01-01' }),
      ),
      api('POST', '/elders', newElder({ allowanceLevel: '80-89' })),
      api('POST', '/elders', newElder({ idCard: '320412580630015', gender: 'M' })),
      api('POST', '/elders', newElder({ idCard: '320412195806300156' })),
      api('POST', '/elders', newElder({ gender: 'F' })),
      api('POST', '/elders', newElder({ phone: '12345' })),
      api('POST', '/elders', newElder({ livingStatus: 'nursing_home' })),
    ]);
    expect(refusals.map((r) => [r.status, r.body.message])).toEqual([
      [422, '未满60周岁，不属于养老服务对象'],
      [422, '高龄津贴档次与年龄不符，应为none'],
      [422, '新登记老人须使用18位身份证号码'],
      [422, '身份证号码校验错误'],
      [422, '性别与身份证号码不符'],
      [422, '联系电话格式错误'],
      [422, '居住状况无效(alone/with_spouse/with_children/institution)'],
    ]);
    expect(await records()).toEqual(before);
    expect((await sim.counters(SLUG)).rejected - counted.rejected).toBe(refusals.length);
  });

  it('refuses a second registration of the same person, even under the 18-digit form of a legacy number', async () => {
    const before = await sim.counters(SLUG);
    const jiang = SEED.find((e) => e.elderId === 'EL0000000004') as Elder;
    const legacyTwin = await api('POST', '/elders', {
      ...jiang,
      elderId: undefined,
      allowanceLevel: undefined,
      idCard: '320404193808220424',
    });
    expect(legacyTwin).toMatchObject({
      status: 409,
      body: { error: 'duplicate', message: '该老人已登记，请勿重复登记', elderId: 'EL0000000004' },
    });
    const sun = SEED[0];
    const again = await api('POST', '/elders', { ...sun, elderId: undefined, allowanceLevel: undefined });
    expect(again).toMatchObject({ status: 409, body: { elderId: 'EL0000000001' } });
    const after = await sim.counters(SLUG);
    expect(after.duplicatesRefused - before.duplicatesRefused).toBe(2);
    expect(after.applied).toBe(before.applied);
  });

  it("has no change feed: the office's own edits show only in the export", async () => {
    expect((await api('GET', '/changes')).status).toBe(404);
    await sim.simulate(SLUG, 'set-status', { elderId: 'EL0000000007', status: 'deceased' });
    await sim.simulate(SLUG, 'change-phone', { elderId: 'EL0000000001', phone: '13813899999' });
    const exported = (await api<ElderPage>('GET', '/elders?offset=0&limit=500')).body.items;
    expect(exported.find((e) => e.elderId === 'EL0000000007')?.status).toBe('deceased');
    expect(exported.find((e) => e.elderId === 'EL0000000001')?.phone).toBe('13813899999');
  });

  it('answers injected failures in its own error format', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    const res = await api('GET', '/elders?limit=1');
    expect(res).toMatchObject({
      status: 503,
      body: { error: 'service_unavailable', message: '服务暂不可用，请稍后重试' },
    });
  });
});
