import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from './support';

const SLUG = 'statistics';
const FIXTURES = join(__dirname, 'fixtures');
const seed = JSON.parse(readFileSync(join(FIXTURES, 'statistics.json'), 'utf8')) as Array<
  Record<string, unknown>
>;
const AUTH = { authorization: 'Bearer hub-stats-token' };

/** A consistent October report for a community not in the seed's October. */
const october = {
  communityCode: '320404002003',
  period: '2026-10',
  households: 991,
  population: 2578,
  male: 1272,
  female: 1306,
  registered: 2207,
  floating: 371,
  age0to14: 303,
  age15to59: 1525,
  age60plus: 750,
  age80plus: 122,
  disabled: 62,
  dibaoHouseholds: 13,
  dibaoPersons: 25,
  unemployed: 28,
};

describe('statistics simulator (联网直报)', () => {
  let sim: RunningSimulator;
  let base: string;

  const submit = async (body: unknown, headers: Record<string, string> = AUTH) => {
    const res = await fetch(`${base}/api/report/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const get = async (path: string, headers: Record<string, string> = AUTH) => {
    const res = await fetch(`${base}${path}`, { headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const withoutIds = ({ reportNo: _n, communityCode: _c, period: _p, ...rest }: Record<string, unknown>) =>
    rest;

  beforeAll(async () => {
    sim = await startSimulator('statistics', { SIM_SEED_DIR: FIXTURES });
    base = sim.urls[SLUG];
    await sim.clock(SLUG, '2026-11-03T10:00:00+08:00');
  });
  afterAll(() => sim?.stop());

  it('holds the seed reports with all their revisions', async () => {
    expect(await sim.records(SLUG)).toEqual(seed);
    const expected = { ...seed[3], history: [withoutIds(seed[2]), withoutIds(seed[3])] };
    expect(await get('/api/report/TJ202609000003')).toEqual({ status: 200, body: expected });
    expect(await get('/api/report?communityCode=320402001001&period=2026-09')).toEqual({
      status: 200,
      body: expected,
    });
    expect((await get('/api/report/TJ209901999999')).status).toBe(404);
    expect((await get('/api/report?communityCode=320402001001&period=2025-01')).status).toBe(404);
    expect((await get('/api/report?communityCode=320402001001')).status).toBe(400);
  });

  it('refuses a missing or wrong bearer token', async () => {
    const none = await submit(october, {});
    expect(none).toEqual({ status: 401, body: { code: 'UNAUTHORIZED', message: '访问令牌无效或缺失' } });
    expect((await get('/api/report/TJ202609000003', { authorization: 'Bearer guess' })).status).toBe(401);
  });

  it('numbers a new report and makes revisions of resubmissions; a repeat is no new revision', async () => {
    const before = await sim.counters(SLUG);
    expect(await submit(october)).toEqual({ status: 200, body: { reportNo: 'TJ202610000006', revision: 1 } });
    const corrected = { ...october, unemployed: 27 };
    expect(await submit(corrected)).toEqual({
      status: 200,
      body: { reportNo: 'TJ202610000006', revision: 2 },
    });
    expect(await submit(corrected)).toEqual({
      status: 200,
      body: { reportNo: 'TJ202610000006', revision: 2 },
    });
    const report = await get('/api/report?communityCode=320404002003&period=2026-10');
    expect(report.body).toMatchObject({ ...corrected, reportNo: 'TJ202610000006', revision: 2 });
    expect((report.body.history as unknown[]).length).toBe(2);
    expect(report.body.submittedAt).toBe('2026-11-03T10:00:00+08:00');
    const records = await sim.records(SLUG);
    expect(records).toHaveLength(seed.length + 2);
    const after = await sim.counters(SLUG);
    expect(after.applied - before.applied).toBe(2);
    expect(after.duplicatesRefused - before.duplicatesRefused).toBe(1);
  });

  it('takes resubmissions until the 5th of the next month, 24:00 Shanghai time, then refuses with 409', async () => {
    const community = { ...october, communityCode: '320402001001' };
    const seeded = seed.find((r) => r.reportNo === 'TJ202610000005') as Record<string, unknown>;
    await sim.clock(SLUG, '2026-11-05T23:59:59+08:00');
    expect(await submit({ ...seeded, disabled: 98 })).toEqual({
      status: 200,
      body: { reportNo: 'TJ202610000005', revision: 2 },
    });
    await sim.clock(SLUG, '2026-11-06T00:00:00+08:00');
    const late = await submit({ ...seeded, disabled: 99 });
    expect(late).toEqual({
      status: 409,
      body: {
        code: 'DEADLINE_PASSED',
        message: '2026-10期报表已超过报送截止时间（2026-11-05 24:00），不能再修改',
        reportNo: 'TJ202610000005',
        revision: 2,
      },
    });
    expect((await get('/api/report/TJ202610000005')).body).toMatchObject({ revision: 2, disabled: 98 });
    // December's deadline is in the next year.
    await sim.clock(SLUG, '2027-01-02T09:00:00+08:00');
    const december = { ...community, period: '2026-12' };
    expect((await submit(december)).body).toMatchObject({ revision: 1 });
    await sim.clock(SLUG, '2027-01-06T00:00:01+08:00');
    expect(await submit({ ...december, unemployed: 1 })).toMatchObject({
      status: 409,
      body: { message: '2026-12期报表已超过报送截止时间（2027-01-05 24:00），不能再修改' },
    });
    await sim.clock(SLUG, '2026-11-03T10:00:00+08:00');
  });

  it('refuses inconsistent or malformed figures with 422 and the field', async () => {
    const before = { records: await sim.records(SLUG), counters: await sim.counters(SLUG) };
    const fresh = { ...october, communityCode: '320411003004' };
    const { male: _male, ...withoutMale } = fresh;
    const cases: Array<[unknown, string, string]> = [
      [
        { ...fresh, communityCode: '32041100300' },
        'communityCode',
        '统计用区划代码(communityCode)应为12位数字',
      ],
      [{ ...fresh, period: '2026-13' }, 'period', '报告期(period)格式应为yyyy-MM'],
      [{ ...fresh, period: '2026/10' }, 'period', '报告期(period)格式应为yyyy-MM'],
      [{ ...fresh, period: '2026-12' }, 'period', '报告期2026-12尚未开始，不能报送'],
      [withoutMale, 'male', '男性人口(male)必须为非负整数'],
      [{ ...fresh, households: 10.5 }, 'households', '户数(households)必须为非负整数'],
      [{ ...fresh, unemployed: -1 }, 'unemployed', '失业人数(unemployed)必须为非负整数'],
      [{ ...fresh, disabled: '62' }, 'disabled', '残疾人数(disabled)必须为非负整数'],
      [{ ...fresh, male: 1273 }, 'male', '男性人口与女性人口之和(2579)应等于总人口(2578)'],
      [{ ...fresh, age0to14: 304 }, 'age0to14', '各年龄段人口之和(2579)应等于总人口(2578)'],
      [{ ...fresh, age80plus: 751 }, 'age80plus', '80岁及以上人口不能大于60岁及以上人口'],
      [{ ...fresh, dibaoHouseholds: 26 }, 'dibaoHouseholds', '低保户数不能大于低保人数'],
    ];
    for (const [body, field, message] of cases)
      expect(await submit(body)).toEqual({
        status: 422,
        body: { code: 'VALIDATION_FAILED', field, message },
      });
    expect(await submit('{"communityCode":')).toEqual({
      status: 400,
      body: { code: 'BAD_REQUEST', message: '请求体不是有效的JSON' },
    });
    expect(await sim.records(SLUG)).toEqual(before.records);
    expect((await sim.counters(SLUG)).rejected - before.counters.rejected).toBe(cases.length);
  });

  it('answers in its own error format when failing', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    try {
      expect(await submit(october)).toEqual({
        status: 503,
        body: { code: 'SYSTEM_BUSY', message: '统计联网直报平台繁忙，请稍后再试' },
      });
    } finally {
      await sim.faults(SLUG, { errorRate: 0 });
    }
  });
});
