import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from './support';

// Replies are checked by assertions, not by static types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const FIXTURES = join(__dirname, 'fixtures');
const SLUG = 'grid-governance';
const seed = JSON.parse(readFileSync(join(FIXTURES, `${SLUG}.json`), 'utf8')) as {
  persons: Array<Record<string, Json>>;
  houses: Array<Record<string, Json>>;
};
const GRID = '320402001001001';

function client(base: () => string) {
  return async (path: string, init: { method?: string; body?: unknown; token?: string | null } = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (init.token !== null) headers.authorization = `Bearer ${init.token ?? 'hub-grid-token'}`;
    const res = await fetch(`${base()}${path}`, {
      method: init.method ?? (init.body ? 'POST' : 'GET'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
  };
}

describe('grid-governance simulator (batch upserts, page tokens, events)', () => {
  let sim: RunningSimulator;
  const call = client(() => sim.urls[SLUG]);
  const upsertPersons = (items: unknown[]) => call('/api/v2/persons:batchUpsert', { body: { items } });
  const upsertHouses = (items: unknown[]) => call('/api/v2/houses:batchUpsert', { body: { items } });
  const exportAll = async (kind: 'persons' | 'houses') => {
    const out: Json[] = [];
    let token = '';
    let pages = 0;
    do {
      const { status, body } = await call(
        `/api/v2/${kind}?pageSize=3&pageToken=${encodeURIComponent(token)}`,
      );
      expect(status).toBe(200);
      out.push(...body[kind]);
      token = body.nextPageToken;
      pages += 1;
    } while (token);
    return { out, pages };
  };
  const eventsAfter = async (after: string) => {
    const out: Json[] = [];
    for (;;) {
      const { body } = await call(`/api/v2/events?after=${after}&pageSize=2`);
      out.push(...body.events);
      if (body.nextAfter === after) return { events: out, after };
      after = body.nextAfter;
    }
  };
  const newcomer = {
    gridCode: GRID,
    name: '周海峰',
    idNo: '320402198501011011',
    phone: '13861209999',
    houseAddress: '青龙街道龙锦路20号1幢1单元102室',
    personType: '户籍',
    focusTags: [],
  };

  // The realism-on simulator (rate limit) starts alongside, to keep the file quick.
  let real: RunningSimulator;
  beforeAll(async () => {
    [sim, real] = await Promise.all([
      startSimulator(SLUG, { SIM_SEED_DIR: FIXTURES }),
      startSimulator(`${SLUG}-realism`, { SIM_SEED_DIR: FIXTURES, SIM_REALISM: 'on' }),
    ]);
  });
  afterAll(() => Promise.all([sim.stop(), real.stop()]));

  it('loads the seed, duplicates and address spellings included, and exports it exactly by page token', async () => {
    const persons = await exportAll('persons');
    expect(persons.pages).toBe(3);
    expect(persons.out).toEqual(seed.persons);
    const houses = await exportAll('houses');
    expect(houses.out).toEqual(seed.houses);
    expect(await sim.records(SLUG)).toEqual([...seed.persons, ...seed.houses]);
    const bad = await call('/api/v2/persons?pageToken=not-a-token');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ status: 'INVALID_ARGUMENT', message: '分页令牌无效' });
  });

  it('refuses a missing or wrong token with 401 in its error format', async () => {
    for (const token of [null, 'nope']) {
      const res = await call('/api/v2/persons', { token });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: { code: 401, status: 'UNAUTHENTICATED', message: '访问令牌无效或缺失' },
      });
    }
  });

  it('upserts persons: new ids, update by idNo, floating persons matched by name and phone', async () => {
    const before = await sim.counters(SLUG);
    const floating = {
      gridCode: GRID,
      name: '何小兵',
      sex: '男',
      birthday: '1995-04-01',
      phone: '13770001111',
      personType: '流动',
    };
    const first = await upsertPersons([newcomer, floating]);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ succeeded: 2, failed: 0 });
    const [created, createdFloating] = first.body.results;
    expect(created).toMatchObject({
      index: 0,
      ok: true,
      created: true,
      personId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });

    const second = await upsertPersons([
      { idNo: newcomer.idNo, phone: '13861208888', focusTags: ['退役军人'] },
      { ...floating, houseAddress: '龙锦路20号1-1-101' },
    ]);
    expect(second.body.results).toEqual([
      { index: 0, ok: true, created: false, personId: created.personId },
      { index: 1, ok: true, created: false, personId: createdFloating.personId },
    ]);
    const records = await sim.records<Json>(SLUG);
    expect(records.find((r) => r.personId === created.personId)).toEqual({
      personId: created.personId,
      ...newcomer,
      phone: '13861208888',
      focusTags: ['退役军人'],
      sex: '男',
      birthday: '1985-01-01',
      nation: '汉族',
      status: 'normal',
    });
    expect(records.filter((r) => r.name === '何小兵')).toHaveLength(1);
    const after = await sim.counters(SLUG);
    expect(after.applied - before.applied).toBe(4);
  });

  it('refuses bad items one by one with a Chinese reason, and oversized batches whole', async () => {
    const before = await sim.records(SLUG);
    const counters = await sim.counters(SLUG);
    const res = await upsertPersons([
      { ...newcomer, idNo: '320402198501011012' },
      { ...newcomer, focusTags: ['独居老人', '重点青少年'] },
      { ...newcomer, gridCode: '3204020010010' },
      { gridCode: GRID, name: '无名', sex: '女', birthday: '2000-01-01', personType: '流动' },
      { personId: 'ffffffffffffffffffffffffffffffff', phone: '13800000000' },
      { personId: 'b2e00000000000000000000000000007', idNo: newcomer.idNo },
      { ...newcomer, sex: '女' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: Json) => [r.ok, r.reason])).toEqual([
      [false, '身份证号码校验错误'],
      [false, '重点人群标签无效：重点青少年'],
      [false, '网格编码无效（应为15位：12位社区代码加3位网格号）'],
      [false, '无身份证号码的人员必须登记联系电话'],
      [false, '人员编号不存在：ffffffffffffffffffffffffffffffff'],
      [false, expect.stringContaining('该身份证号码已由其他人员登记')],
      [false, '性别与身份证号码不符'],
    ]);
    const tooMany = await upsertPersons(Array.from({ length: 101 }, () => newcomer));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toBe('单次最多提交100条记录，本次101条');
    expect(await sim.records(SLUG)).toEqual(before);
    const after = await sim.counters(SLUG);
    expect(after.duplicatesRefused - counters.duplicatesRefused).toBe(1);
    expect(after.rejected - counters.rejected).toBe(6);
  });

  it('matches houses by address however the flat is written', async () => {
    const res = await upsertHouses([
      // 3幢2单元501室 on file; the push writes it 3-2-501
      {
        gridCode: GRID,
        address: '青龙街道龙锦路18号3-2-501',
        headPersonId: seed.persons[0].personId,
        memberPersonIds: [seed.persons[0].personId, seed.persons[1].personId],
      },
      {
        gridCode: GRID,
        address: '青龙街道龙锦路18号3栋2单元502',
        headPersonId: seed.persons[2].personId,
        memberPersonIds: [seed.persons[2].personId],
      },
      {
        gridCode: GRID,
        address: '青龙街道龙锦路22号5幢1单元101室',
        headPersonId: 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee',
        memberPersonIds: ['eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee'],
      },
    ]);
    expect(res.body.results).toEqual([
      { index: 0, ok: true, created: false, houseId: seed.houses[0].houseId },
      { index: 1, ok: true, created: false, houseId: seed.houses[1].houseId },
      { index: 2, ok: false, reason: '人员编号不存在：eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee' },
    ]);
    const houses = (await sim.records<Json>(SLUG)).filter((r) => r.houseId);
    expect(houses).toHaveLength(seed.houses.length);
    expect(houses[0].memberPersonIds).toHaveLength(2);
  });

  it('lists grid workers findings and pushes as events after a cursor, without repeats or gaps', async () => {
    const start = await eventsAfter('0');
    expect(start.events.map((e) => e.type)).toEqual([
      'PERSON_CREATED',
      'PERSON_CREATED',
      'PERSON_UPDATED',
      'PERSON_UPDATED',
      'HOUSE_UPDATED',
      'HOUSE_UPDATED',
    ]);
    const moved = (await sim.simulate(SLUG, 'moveAway', { personId: seed.persons[3].personId })) as Json;
    expect(moved.status).toBe('left');
    await sim.simulate(SLUG, 'phoneChanged', { personId: seed.persons[2].personId, phone: '13915080000' });
    const tenant = (await sim.simulate(SLUG, 'newTenant', {
      houseId: seed.houses[2].houseId,
      person: {
        gridCode: GRID,
        name: '罗丽',
        sex: '女',
        birthday: '1998-06-06',
        phone: '18800001111',
        houseAddress: '龙锦路20号1栋1单元101',
      },
    })) as Json;
    await upsertPersons([{ personId: seed.persons[0].personId, status: 'deceased' }]);

    const next = await eventsAfter(start.after);
    expect(next.events.map((e) => [e.type, e.personId ?? e.houseId])).toEqual([
      ['PERSON_LEFT', seed.persons[3].personId],
      ['PHONE_CHANGED', seed.persons[2].personId],
      ['NEW_TENANT', tenant.personId],
      ['HOUSE_UPDATED', seed.houses[2].houseId],
      ['PERSON_DECEASED', seed.persons[0].personId],
    ]);
    expect(next.events[1].person.phone).toBe('13915080000');
    expect(next.events[3].house.memberPersonIds).toContain(tenant.personId);
    expect((await eventsAfter(next.after)).events).toEqual([]);
    expect((await eventsAfter('0')).events).toEqual([...start.events, ...next.events]);
  });

  it('answers a failing call with 503 in its error format', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    const res = await call('/api/v2/persons');
    await sim.faults(SLUG, { errorRate: 0 });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.body.error).toMatchObject({ status: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试' });
  });

  describe('with realism on', () => {
    const realCall = client(() => real.urls[SLUG]);

    it('answers more than 5 calls a second with 429 and Retry-After', async () => {
      const replies = await Promise.all(
        Array.from({ length: 8 }, () => realCall('/api/v2/persons?pageSize=1')),
      );
      const limited = replies.filter((r) => r.status === 429);
      expect(replies.filter((r) => r.status === 200)).toHaveLength(5);
      expect(limited).toHaveLength(3);
      expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(limited[0].body.error).toMatchObject({
        status: 'RESOURCE_EXHAUSTED',
        message: '请求过于频繁，请稍后再试',
      });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await realCall('/api/v2/persons?pageSize=1')).status).toBe(200);
    });
  });
});
