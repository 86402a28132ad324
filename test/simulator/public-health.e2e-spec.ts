import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from './support';

// Replies are checked by assertions, not by static types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const FIXTURES = join(__dirname, 'fixtures');
const SLUG = 'public-health';
const FHIR = 'application/fhir+json';
const seed = readFileSync(join(FIXTURES, `${SLUG}.ndjson`), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Record<string, Json>);

describe('public-health simulator (FHIR R4 Patient)', () => {
  let sim: RunningSimulator;
  let base: string;
  const call = async (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token !== null) headers.set('authorization', `Bearer ${init.token ?? 'hub-health-token'}`);
    if (init.body) headers.set('content-type', FHIR);
    const res = await fetch(`${base}${path}`, { ...init, headers });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
  };
  const put = (id: string, resource: unknown, ifMatch?: string) =>
    call(`/fhir/Patient/${id}`, {
      method: 'PUT',
      body: JSON.stringify(resource),
      headers: ifMatch ? { 'if-match': ifMatch } : {},
    });
  const post = (resource: unknown) =>
    call('/fhir/Patient', { method: 'POST', body: JSON.stringify(resource) });
  const newPatient = {
    resourceType: 'Patient',
    identifier: [{ system: 'urn:cn:resident-id', value: '320404198808081244' }],
    name: [{ text: '钱晓燕' }],
    gender: 'female',
    birthDate: '1988-08-08',
    telecom: [{ system: 'phone', value: '13912345678' }],
    address: [{ text: '常州市钟楼区五星街道怀德苑3-2-501', city: '常州市', district: '钟楼区' }],
    deceasedBoolean: false,
  };

  beforeAll(async () => {
    sim = await startSimulator(SLUG, { SIM_SEED_DIR: FIXTURES });
    base = sim.urls[SLUG];
  });
  afterAll(() => sim.stop());

  it('loads the seed as given, quirks included, and exports it exactly through paged Bundles', async () => {
    const exported: unknown[] = [];
    let path: string | undefined = '/fhir/Patient?_count=4&_offset=0';
    let pages = 0;
    while (path) {
      const { status, headers, body } = await call(path);
      expect(status).toBe(200);
      expect(headers.get('content-type')).toContain(FHIR);
      expect(body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: seed.length });
      exported.push(...body.entry.map((e: { resource: unknown }) => e.resource));
      const next = body.link.find((l: { relation: string }) => l.relation === 'next');
      path = next ? new URL(next.url).pathname + new URL(next.url).search : undefined;
      pages += 1;
    }
    expect(pages).toBe(3);
    const byId = (a: Json, b: Json) => a.id.localeCompare(b.id);
    expect(exported).toEqual([...seed].sort(byId));
    expect(await sim.records(SLUG)).toEqual([...seed].sort(byId));
    // The quirks survive the import: no identifier, swapped day and month, a space in a name.
    expect(exported.filter((p: Json) => !p.identifier)).toHaveLength(2);
    expect(exported.find((p: Json) => p.id === '32040200100100001')).toMatchObject({
      birthDate: '1985-07-03',
    });
    expect(exported.find((p: Json) => p.name[0].text === '王 芳')).toBeDefined();
  });

  it('refuses a missing or wrong token with a 401 OperationOutcome', async () => {
    for (const token of [null, 'wrong-token']) {
      const { status, headers, body } = await call('/fhir/Patient', { token });
      expect(status).toBe(401);
      expect(headers.get('www-authenticate')).toContain('Bearer');
      expect(body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'login' }] });
      expect(body.issue[0].diagnostics).toBe('访问令牌缺失或无效');
    }
  });

  it('creates an archive (201, Location, ETag, 17-digit id) and refuses the same ID number again (409, counted)', async () => {
    const before = await sim.counters(SLUG);
    const created = await post(newPatient);
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^320404000000\d{5}$/);
    expect(created.headers.get('etag')).toBe('W/"1"');
    expect(created.headers.get('location')).toBe(`${base}/fhir/Patient/${created.body.id}/_history/1`);
    expect(created.body).toMatchObject({ ...newPatient, meta: { versionId: '1' } });

    const again = await post({ ...newPatient, name: [{ text: '钱小燕' }] });
    expect(again.status).toBe(409);
    expect(again.body.issue[0]).toMatchObject({ code: 'duplicate' });
    expect(again.body.issue[0].diagnostics).toContain(created.body.id);

    const after = await sim.counters(SLUG);
    expect(after.applied - before.applied).toBe(1);
    expect(after.duplicatesRefused - before.duplicatesRefused).toBe(1);
    const records = await sim.records<Json>(SLUG);
    expect(records.filter((r) => r.identifier?.[0].value === '320404198808081244')).toHaveLength(1);
  });

  it('updates with If-Match; a stale version gets 412 and a missing one 428, both without change', async () => {
    const id = '32041100200300001';
    const { body: current, headers } = await call(`/fhir/Patient/${id}`);
    expect(headers.get('etag')).toBe('W/"2"');
    const changed = { ...current, telecom: [{ system: 'phone', value: '13800001111' }] };

    const stale = await put(id, changed, 'W/"1"');
    expect(stale.status).toBe(412);
    expect(stale.body.issue[0].diagnostics).toContain('版本冲突');
    const missing = await put(id, changed);
    expect(missing.status).toBe(428);
    expect(missing.body.issue[0].diagnostics).toContain('If-Match');
    expect((await call(`/fhir/Patient/${id}`)).body).toEqual(current);

    const ok = await put(id, changed, 'W/"2"');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('W/"3"');
    expect(ok.body.meta.versionId).toBe('3');
    const record = (await sim.records<Json>(SLUG)).find((r) => r.id === id);
    expect(record.telecom).toEqual([{ system: 'phone', value: '13800001111' }]);

    const ended = await put(id, { ...changed, deceasedBoolean: true }, 'W/"3"');
    expect(ended.status).toBe(200);
    expect((await sim.records<Json>(SLUG)).find((r) => r.id === id).deceasedBoolean).toBe(true);
  });

  it('refuses invalid content with a Chinese OperationOutcome and changes nothing', async () => {
    const before = await sim.records(SLUG);
    const cases: Array<[unknown, number, string]> = [
      [
        { ...newPatient, identifier: [{ system: 'urn:cn:resident-id', value: '320404198808081245' }] },
        422,
        '居民身份证号码校验错误',
      ],
      [{ ...newPatient, name: [] }, 422, '姓名不能为空'],
      [{ ...newPatient, gender: 'M' }, 422, '性别代码无效'],
      [{ ...newPatient, birthDate: '1988-13-08' }, 422, '出生日期格式错误'],
      [{ ...newPatient, identifier: undefined, birthDate: '2999-01-01' }, 422, '出生日期不能晚于当前日期'],
      [{ ...newPatient, birthDate: '1988-08-09' }, 422, '出生日期与居民身份证号码不符'],
      [{ ...newPatient, telecom: [{ system: 'phone', value: '12345' }] }, 422, '联系电话格式错误'],
      [{ ...newPatient, maritalStatus: { text: '已婚' } }, 400, '不支持的元素: maritalStatus'],
      [{ resourceType: 'Observation' }, 400, '资源类型必须是 Patient'],
    ];
    for (const [resource, status, message] of cases) {
      const res = await post(resource);
      expect(res.status).toBe(status);
      expect(res.body.resourceType).toBe('OperationOutcome');
      expect(res.body.issue[0].diagnostics).toContain(message);
    }
    const broken = await fetch(`${base}/fhir/Patient`, {
      method: 'POST',
      headers: { authorization: 'Bearer hub-health-token', 'content-type': FHIR },
      body: '{"resourceType":',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as Json).issue[0].diagnostics).toBe('请求体不是合法的 JSON');
    const unknown = await put('32049999999999999', newPatient, 'W/"1"');
    expect(unknown.status).toBe(404);
    expect(unknown.body.issue[0]).toMatchObject({ code: 'not-found' });
    expect(await sim.records(SLUG)).toEqual(before);
  });

  it('reports its own changes (clinic actions and pushes) by _lastUpdated, without repeats or gaps', async () => {
    const feed = async (since: string): Promise<Json[]> => {
      const out: Json[] = [];
      let path: string | undefined = `/fhir/Patient?_lastUpdated=gt${since}&_count=2`;
      while (path) {
        const { status, body } = await call(path);
        expect(status).toBe(200);
        out.push(...(body.entry ?? []).map((e: { resource: unknown }) => e.resource));
        const next = body.link.find((l: { relation: string }) => l.relation === 'next');
        path = next ? new URL(next.url).pathname + new URL(next.url).search : undefined;
      }
      return out;
    };
    const everything = await feed('2000-01-01T00:00:00Z');
    const cursor = everything.at(-1).meta.lastUpdated as string;
    expect(await feed(cursor)).toEqual([]);

    const death = (await sim.simulate(SLUG, 'registerDeath', { id: '32040200100100002' })) as Json;
    expect(death).toMatchObject({ deceasedBoolean: true, meta: { versionId: '2' } });
    const opened = (await sim.simulate(SLUG, 'openArchive', {
      resourceType: 'Patient',
      name: [{ text: '新生儿 吴' }],
      gender: 'unknown',
      birthDate: new Date().toISOString().slice(0, 10),
      address: [{ text: '常州市天宁区青龙街道', city: '常州市', district: '天宁区' }],
    })) as Json;
    const { body: current } = await call('/fhir/Patient/32040200100100003');
    const pushed = await put(
      current.id,
      { ...current, telecom: [{ system: 'phone', value: '15061230000' }] },
      `W/"${current.meta.versionId}"`,
    );
    expect(pushed.status).toBe(200);

    const changes = await feed(cursor);
    expect(changes.map((p) => p.id)).toEqual(['32040200100100002', opened.id, '32040200100100003']);
    const stamps = changes.map((p) => p.meta.lastUpdated as string);
    expect([...stamps].sort()).toEqual(stamps);
    expect(await feed(stamps[2])).toEqual([]);
    expect(await feed(stamps[0])).toEqual(changes.slice(1));
  });

  it('answers a failing call with a 503 OperationOutcome', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    const res = await call('/fhir/Patient');
    await sim.faults(SLUG, { errorRate: 0 });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'transient' }] });
    expect(res.body.issue[0].diagnostics).toBe('系统繁忙，请稍后再试');
  });
});
