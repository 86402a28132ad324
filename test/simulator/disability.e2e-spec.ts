import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from './support';

const FIXTURES = join(__dirname, 'fixtures');
const SLUG = 'disability';
const KEY = 'hub-disability-key';

interface Person {
  cardNo: string;
  name: string;
  idNumber: string;
  disabilityType: string;
  disabilityGrade: string;
  phone: string | null;
  status: string;
  [key: string]: unknown;
}
interface Change {
  seq: string;
  changeType: string;
  cardNo: string;
  previousCardNo: string | null;
  person: Person;
}
interface Reply<T> {
  status: number;
  body: { code: number; msg: string; data: T; revokedCardNo?: string };
}

const SEED = JSON.parse(readFileSync(join(FIXTURES, 'disability.json'), 'utf8')) as Person[];
const byCard = (a: Person, b: Person): number => a.cardNo.localeCompare(b.cardNo);
const seeded = (cardNo: string): Person => SEED.find((p) => p.cardNo === cardNo) as Person;

/** A woman with a valid GB 11643 number, 言语 (3) grade 4: certificate 320481199003150684 + 3 + 4. */
const newPerson = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: '蔡文静',
  idNumber: '320481199003150684',
  gender: '2',
  birthDate: '19900315',
  disabilityType: '3',
  disabilityGrade: '4',
  guardianName: null,
  guardianPhone: null,
  phone: '13584500684',
  address: '常州市溧阳市溧城街道燕山路21号',
  status: 'valid',
  ...overrides,
});
const NEW_CARD = '32048119900315068434';

describe('disability simulator (残联 残疾人人口基础数据库)', () => {
  let sim: RunningSimulator;
  let base: string;

  async function api<T = null>(
    method: string,
    path: string,
    body?: unknown,
    key: string | null = KEY,
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key !== null) headers['x-api-key'] = key;
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Reply<T>['body'] };
  }
  const records = async (): Promise<Person[]> => (await sim.records<Person>(SLUG)).sort(byCard);
  const changes = (since: string, limit = 100) =>
    api<{ list: Change[]; next: string; hasMore: boolean }>(
      'GET',
      `/api/persons/changes?since=${since}&limit=${limit}`,
    );
  const latestSeq = async (): Promise<string> => {
    let since = '0';
    for (;;) {
      const { body } = await changes(since, 500);
      since = body.data.next;
      if (!body.data.hasMore) return since;
    }
  };

  beforeAll(async () => {
    sim = await startSimulator('disability', { SIM_SEED_DIR: FIXTURES });
    base = sim.urls[SLUG];
  });
  afterAll(() => sim.stop());
  afterEach(() => sim.faults(SLUG, { errorRate: 0 }));

  it('loads the seed and exports it exactly, page by page (revoked certificates included)', async () => {
    const pages = await Promise.all(
      [1, 2, 3].map((page) =>
        api<{ total: number; list: Person[] }>('GET', `/api/persons?page=${page}&pageSize=3`),
      ),
    );
    expect(pages[0].body).toMatchObject({ code: 200, data: { total: SEED.length, page: 1, pageSize: 3 } });
    expect(pages.map((p) => p.body.data.list.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((p) => p.body.data.list)).toEqual([...SEED].sort(byCard));
    expect(await records()).toEqual([...SEED].sort(byCard));
  });

  it('refuses calls without the right X-Api-Key', async () => {
    for (const key of [null, 'wrong-key', '']) {
      expect(await api('GET', '/api/persons', undefined, key)).toEqual({
        status: 401,
        body: { code: 401, msg: 'API Key无效或缺失', data: null },
      });
    }
  });

  it('issues, updates and revokes a certificate through PUT, visible in its records', async () => {
    const before = await sim.counters(SLUG);
    const issued = await api<Person>('PUT', `/api/persons/${NEW_CARD}`, newPerson());
    expect(issued).toMatchObject({
      status: 201,
      body: { code: 201, data: { cardNo: NEW_CARD, status: 'valid' } },
    });
    expect((await records()).find((p) => p.cardNo === NEW_CARD)).toEqual({
      cardNo: NEW_CARD,
      ...newPerson(),
    });

    const moved = await api<Person>(
      'PUT',
      `/api/persons/${NEW_CARD}`,
      newPerson({ address: '常州市溧阳市昆仑街道龙潭路5号' }),
    );
    expect(moved).toMatchObject({
      status: 200,
      body: { data: { address: '常州市溧阳市昆仑街道龙潭路5号' } },
    });
    // A repeated PUT is harmless: same certificate, nothing new.
    expect(
      (await api('PUT', `/api/persons/${NEW_CARD}`, newPerson({ address: '常州市溧阳市昆仑街道龙潭路5号' })))
        .status,
    ).toBe(200);
    const revoked = await api<Person>('PUT', `/api/persons/${NEW_CARD}`, newPerson({ status: 'revoked' }));
    expect(revoked).toMatchObject({ status: 200, body: { data: { status: 'revoked' } } });
    expect((await records()).filter((p) => p.idNumber === '320481199003150684')).toEqual([
      { cardNo: NEW_CARD, ...newPerson({ status: 'revoked' }) },
    ]);
    expect((await sim.counters(SLUG)).applied - before.applied).toBe(4);
  });

  it('re-grades through PUT: a new cardNo for the new grade, the old certificate revoked', async () => {
    const feng = seeded('32040219750418013142');
    const regraded = await api<Person>('PUT', '/api/persons/32040219750418013141', {
      ...feng,
      disabilityGrade: '1',
    });
    expect(regraded).toMatchObject({
      status: 201,
      body: {
        data: { cardNo: '32040219750418013141', disabilityGrade: '1', status: 'valid' },
        revokedCardNo: feng.cardNo,
      },
    });
    const held = (await records()).filter((p) => p.idNumber === feng.idNumber);
    expect(held.map((p) => [p.cardNo, p.status])).toEqual([
      ['32040219750418013141', 'valid'],
      ['32040219750418013142', 'revoked'],
    ]);
  });

  it('refuses what the federation would refuse, with its Chinese message, and changes nothing', async () => {
    const before = await records();
    const counted = await sim.counters(SLUG);
    const refusals = [
      await api('PUT', '/api/persons/32041219830127046863', seeded('32041219830127046862')),
      await api('PUT', '/api/persons/3204121983012704686', seeded('32041219830127046862')),
      await api('PUT', '/api/persons/32041219830127046962', {
        ...seeded('32041219830127046862'),
        idNumber: '320412198301270469',
      }),
      await api('PUT', '/api/persons/32041219830127046862', {
        ...seeded('32041219830127046862'),
        birthDate: '19830172',
      }),
      await api('PUT', '/api/persons/32041219830127046862', {
        ...seeded('32041219830127046862'),
        gender: '1',
      }),
      await api('PUT', '/api/persons/32041119680911035513', {
        ...seeded('32041119680911035513'),
        phone: '13900000000',
      }),
      await api('PUT', '/api/persons/32040219560722057123', {
        ...seeded('32040219560722057121'),
        disabilityGrade: '3',
        status: 'valid',
      }),
    ];
    expect(refusals.map((r) => [r.status, r.body.msg])).toEqual([
      [422, '残疾人证号与身份证号码、残疾类别、残疾等级不一致'],
      [422, '残疾人证号格式错误(18位身份证号码+残疾类别+残疾等级)'],
      [422, '身份证号码校验错误'],
      [422, '出生日期与身份证号码不符'],
      [422, '性别与身份证号码不符'],
      [422, '该残疾人证已注销，不能修改'],
      [422, '该人员已死亡注销，不能办理新证'],
    ]);
    expect(refusals.every((r) => r.body.code === 422 && r.body.data === null)).toBe(true);
    expect(await records()).toEqual(before);
    expect((await sim.counters(SLUG)).rejected - counted.rejected).toBe(refusals.length);
  });

  it("feeds the federation's own decisions and the hub's pushes, each once, in order", async () => {
    const start = await latestSeq();
    await sim.simulate(SLUG, 'issue', {
      name: '袁立新',
      idNumber: '320404197208080198',
      gender: '1',
      birthDate: '19720808',
      disabilityType: '4',
      disabilityGrade: '4',
      address: '常州市钟楼区新闸街道新闸村8组',
    });
    await sim.simulate(SLUG, 'regrade', { cardNo: '32040420120305024753', disabilityGrade: '2' });
    await sim.simulate(SLUG, 'revoke', { cardNo: '32041319680520113X43' });

    const first = await changes(start);
    expect(first.body.data.list.map((c) => [c.changeType, c.cardNo, c.previousCardNo])).toEqual([
      ['issued', '32040419720808019844', null],
      ['revoked', '32040420120305024753', null],
      ['regraded', '32040420120305024752', '32040420120305024753'],
      ['revoked', '32041319680520113X43', null],
    ]);
    expect(first.body.data.list[2].person).toMatchObject({
      disabilityGrade: '2',
      guardianName: '韩东',
      status: 'valid',
    });
    const after = first.body.data.next;

    // The hub's own push is in the feed as well; the system does not know who called.
    const peng = seeded('32041219830127046862');
    expect((await api('PUT', `/api/persons/${peng.cardNo}`, { ...peng, phone: '18261299999' })).status).toBe(
      200,
    );
    await sim.simulate(SLUG, 'death', { cardNo: '32040219750418013141' });

    const one = await changes(after, 1);
    expect(one.body.data.hasMore).toBe(true);
    const two = await changes(one.body.data.next, 1);
    const rest = await changes(two.body.data.next);
    expect([...one.body.data.list, ...two.body.data.list].map((c) => [c.changeType, c.cardNo])).toEqual([
      ['updated', peng.cardNo],
      ['deceased', '32040219750418013141'],
    ]);
    expect(rest.body.data).toEqual({ list: [], next: two.body.data.next, hasMore: false });
    expect((await api('GET', '/api/persons/changes?since=yesterday')).status).toBe(400);
  });

  it('answers injected failures in its own error format', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    expect(await api('GET', '/api/persons')).toEqual({
      status: 503,
      body: { code: 503, msg: '服务器繁忙，请稍后重试', data: null },
    });
  });
});
