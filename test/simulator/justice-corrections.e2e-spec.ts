import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sm3, sm4 } from 'sm-crypto';
import { startSimulator, type RunningSimulator } from './support';

// Replies are checked by assertions, not by static types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const FIXTURES = join(__dirname, 'fixtures');
const SLUG = 'justice-corrections';
const seed = JSON.parse(readFileSync(join(FIXTURES, `${SLUG}.json`), 'utf8')) as Array<
  Record<string, string>
>;

// The keys the corrections bureau issued; the MAC key is text, given to sm-crypto as UTF-8 bytes.
const SM4_KEY = '0123456789abcdeffedcba9876543210';
const MAC_KEY = [...Buffer.from('hub-justice-mac-key', 'utf8')];

const sign = (data: string, iv: string, timestamp: number) =>
  sm3(`${data}${iv}${timestamp}`, { key: MAC_KEY });
function seal(payload: unknown, timestamp = Date.now()) {
  const iv = randomBytes(16).toString('hex');
  const bytes = sm4.encrypt(JSON.stringify(payload), SM4_KEY, { mode: 'cbc', iv, output: 'array' });
  const data = Buffer.from(bytes).toString('base64');
  return { data, iv, sign: sign(data, iv, timestamp), timestamp };
}
function unseal(envelope: { data: string; iv: string; sign: string; timestamp: number }): Json {
  expect(envelope.sign).toBe(sign(envelope.data, envelope.iv, envelope.timestamp));
  return JSON.parse(
    sm4.decrypt([...Buffer.from(envelope.data, 'base64')], SM4_KEY, { mode: 'cbc', iv: envelope.iv }),
  );
}

describe('justice-corrections simulator (SM4/HMAC-SM3 envelope)', () => {
  let sim: RunningSimulator;
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${sim.urls[SLUG]}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, reply: unseal((await res.json()) as Json) };
  };
  const call = (path: string, payload: unknown) => post(`/api/sqjz/ryxx/${path}`, seal(payload));
  const changes = async (cursor: number) => {
    const out: Json[] = [];
    for (;;) {
      const { reply } = await call('changes', { cursor, pageSize: 2 });
      expect(reply.code).toBe('0000');
      out.push(...reply.data.list);
      cursor = reply.data.nextCursor;
      if (!reply.data.hasMore) return { list: out, cursor };
    }
  };
  const fresh = {
    xm: '周敏',
    sfzh: '320402200002293042',
    xb: '2',
    jzlb: '2',
    jzqxStart: '2024-07-01',
    jzqxEnd: '2026-06-30',
    lxdh: '13776541234',
    jzdz: '常州市天宁区茶山街道丽华新村12幢301室',
  };

  beforeAll(async () => {
    sim = await startSimulator(SLUG, { SIM_SEED_DIR: FIXTURES });
  });
  afterAll(() => sim.stop());

  it('loads the seed and exports it exactly, paged, in sealed replies', async () => {
    const all: unknown[] = [];
    for (let pageNo = 1; ; pageNo += 1) {
      const { status, reply } = await call('list', { pageNo, pageSize: 2 });
      expect(status).toBe(200);
      expect(reply).toMatchObject({ code: '0000', data: { total: seed.length, pageNo, pageSize: 2 } });
      all.push(...reply.data.list);
      if (reply.data.list.length < 2) break;
    }
    expect(all).toEqual(seed);
    expect(await sim.records(SLUG)).toEqual(seed);
  });

  it('refuses a bad signature and a stale timestamp with sealed 401 replies', async () => {
    const tampered = { ...seal({ pageNo: 1 }), sign: 'ab'.repeat(32) };
    const bad = await post('/api/sqjz/ryxx/list', tampered);
    expect(bad).toMatchObject({ status: 401, reply: { code: 'E401', msg: '签名验证失败' } });

    const old = await post('/api/sqjz/ryxx/list', seal({ pageNo: 1 }, Date.now() - 6 * 60_000));
    expect(old).toMatchObject({ status: 401, reply: { code: 'E402' } });
    expect(old.reply.msg).toContain('5分钟');

    // By the department's clock: ten minutes ahead, a request stamped now is too old.
    await sim.clock(SLUG, new Date(Date.now() + 10 * 60_000).toISOString());
    const late = await call('list', { pageNo: 1 });
    await sim.clock(SLUG, null);
    expect(late).toMatchObject({ status: 401, reply: { code: 'E402' } });

    const garbage = await post('/api/sqjz/ryxx/list', { hello: 'world' });
    expect(garbage).toMatchObject({ status: 400, reply: { code: 'E400' } });
    expect((await sim.counters(SLUG)).authRefused).toBe(3);
  });

  it('saves a new person (new sqjzrybh), updates by sfzh and ends by zt', async () => {
    const created = await call('save', fresh);
    expect(created).toMatchObject({ status: 200, reply: { code: '0000', msg: '新增成功' } });
    const id = created.reply.data.sqjzrybh as string;
    expect(id).toMatch(/^JZ320400\d{4}\d{6}$/);
    expect(created.reply.data).toEqual({ sqjzrybh: id, ...fresh, zt: '1' });

    const updated = await call('save', { sfzh: fresh.sfzh, lxdh: '13776540000' });
    expect(updated.reply).toMatchObject({
      code: '0000',
      data: { sqjzrybh: id, lxdh: '13776540000', xm: '周敏' },
    });
    const ended = await call('save', { sqjzrybh: id, sfzh: fresh.sfzh, zt: '2' });
    expect(ended.reply.data.zt).toBe('2');
    const records = await sim.records<Json>(SLUG);
    expect(records.find((r) => r.sqjzrybh === id)).toEqual({
      ...fresh,
      sqjzrybh: id,
      lxdh: '13776540000',
      zt: '2',
    });
    expect(records).toHaveLength(seed.length + 1);
  });

  it('refuses invalid records and a duplicate ID number with the system codes, changing nothing', async () => {
    const before = await sim.records(SLUG);
    const counters = await sim.counters(SLUG);
    const cases: Array<[unknown, number, string, string]> = [
      [{ ...fresh, sfzh: '320402200002293043' }, 400, 'E101', '身份证号码校验错误'],
      [{ ...fresh, sfzh: '320413198505102120', xb: '1' }, 400, 'E102', '性别与身份证号码不符'],
      [{ ...fresh, sfzh: '320413198505102120', jzlb: '5' }, 400, 'E103', '矫正类别无效'],
      [{ ...fresh, sfzh: '320413198505102120', jzqxEnd: '2020-01-01' }, 400, 'E104', '结束日期早于开始日期'],
      [{ ...fresh, sfzh: '320413198505102120', jzdz: '' }, 400, 'E100', '缺少必填字段：jzdz'],
      [{ ...fresh, sfzh: '320413198505102120', whcd: '20' }, 400, 'E100', '不支持的字段：whcd'],
      [{ sqjzrybh: 'JZ3204009999000001', ...fresh }, 404, 'E404', '矫正人员不存在'],
      [
        { sqjzrybh: 'JZ3204002023000001', ...fresh, sfzh: '320481199001015032' },
        409,
        'E409',
        'JZ3204002024000002',
      ],
    ];
    for (const [payload, status, code, msg] of cases) {
      const { status: got, reply } = await call('save', payload);
      expect({ got, code: reply.code }).toEqual({ got: status, code });
      expect(reply.msg).toContain(msg);
    }
    expect(await sim.records(SLUG)).toEqual(before);
    const after = await sim.counters(SLUG);
    expect(after.duplicatesRefused - counters.duplicatesRefused).toBe(1);
    expect(after.rejected - counters.rejected).toBe(7);
  });

  it('reports court decisions and pushes in its change feed, by cursor, without repeats or gaps', async () => {
    const start = await changes(0);
    expect(start.list.map((c) => c.bglx)).toEqual(['1', '3', '2']); // the save test: start, phone, end
    expect(start.list.every((c, i, l) => i === 0 || c.xh > l[i - 1].xh)).toBe(true);
    expect((await changes(start.cursor)).list).toEqual([]);

    const started = (await sim.simulate(SLUG, 'startCorrection', {
      xm: '吴倩',
      sfzh: '320413198505102120',
      jzlb: '3',
      jzqxStart: '2024-08-01',
      jzqxEnd: '2025-07-31',
      jzdz: '常州市金坛区西城街道东门大街3号',
    })) as Json;
    await sim.simulate(SLUG, 'endCorrection', { sqjzrybh: 'JZ3204002023000001', jzqxEnd: '2024-09-30' });
    await call('save', { sfzh: '320481199001015032', jzdz: '常州市溧阳市溧城镇燕山路9号' });
    await call('save', { sfzh: '320481199001015032', jzdz: '常州市溧阳市溧城镇燕山路9号' }); // no change: no entry

    const next = await changes(start.cursor);
    expect(next.list.map((c) => [c.bglx, c.ry.sqjzrybh])).toEqual([
      ['1', started.sqjzrybh],
      ['2', 'JZ3204002023000001'],
      ['3', 'JZ3204002024000002'],
    ]);
    expect(next.list[1].ry).toMatchObject({ zt: '2', jzqxEnd: '2024-09-30' });
    expect(next.list[0].bgsj).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect((await changes(next.cursor)).list).toEqual([]);
    expect((await changes(0)).list).toEqual([...start.list, ...next.list]);
  });

  it('answers a failing call with a sealed 500', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    const res = await call('list', { pageNo: 1 });
    await sim.faults(SLUG, { errorRate: 0 });
    expect(res).toMatchObject({ status: 500, reply: { code: 'E500', msg: '系统繁忙，请稍后再试' } });
  });
});
