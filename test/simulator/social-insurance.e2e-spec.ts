import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { startSimulator, type RunningSimulator } from './support';

const FIXTURES = resolve(__dirname, 'fixtures');
const SLUG = 'social-insurance';
const AUTH = { authorization: `Basic ${Buffer.from('hub:hub-insurance-secret').toString('base64')}` };
const HEADER = '个人编号,公民身份号码,姓名,性别,出生日期,户籍性质,参保状态,联系电话,户籍地址,操作';

type Insured = Record<string, string>;

function batchFile(lines: string[]): FormData {
  const form = new FormData();
  const bytes = iconv.encode([HEADER, ...lines].join('\r\n') + '\r\n', 'gbk');
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'text/csv' }), 'batch.csv');
  return form;
}

describe('social-insurance simulator (nightly GBK CSV batch)', () => {
  let sim: RunningSimulator;
  let url: string;
  beforeAll(async () => {
    sim = await startSimulator('insurance', { SIM_SEED_DIR: FIXTURES });
    url = sim.urls[SLUG];
  });
  afterAll(() => sim.stop());

  async function upload(lines: string[]): Promise<Response> {
    return fetch(`${url}/batch/upload`, { method: 'POST', headers: AUTH, body: batchFile(lines) });
  }
  async function resultOf(batchNo: string): Promise<string[][]> {
    for (let i = 0; i < 40; i++) {
      const res = await fetch(`${url}/batch/${batchNo}/result`, { headers: AUTH });
      if (res.status === 200) {
        const text = iconv.decode(Buffer.from(await res.arrayBuffer()), 'gbk');
        return text
          .trim()
          .split('\r\n')
          .map((line) => line.split(','));
      }
      expect(res.status).toBe(404);
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no result for ${batchNo}`);
  }

  it('exports the GBK seed roster exactly', async () => {
    const res = await fetch(`${url}/batch/export`, { headers: AUTH });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=GBK');
    const exported = Buffer.from(await res.arrayBuffer());
    expect(exported.equals(readFileSync(resolve(FIXTURES, 'social-insurance.csv')))).toBe(true);
    expect(await sim.records<Insured>(SLUG)).toHaveLength(5);
  });

  it('refuses missing or wrong basic auth', async () => {
    expect((await fetch(`${url}/batch/export`)).status).toBe(401);
    const wrong = await fetch(`${url}/batch/export`, {
      headers: { authorization: `Basic ${Buffer.from('hub:guess').toString('base64')}` },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic/);
  });

  it('accepts uploads only inside the nightly window, by the department clock', async () => {
    await sim.clock(SLUG, '2026-12-01T12:00:00+08:00');
    const refused = await upload([]);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ message: '不在批量上传时间窗口内' });
    await sim.clock(SLUG, '2026-12-01T05:59:00+08:00');
    expect((await upload([])).status).toBe(200);
    await sim.simulate(SLUG, 'upload-window', { start: '08:00', end: '20:00' });
    await sim.clock(SLUG, '2026-12-01T12:00:00+08:00');
    expect((await upload([])).status).toBe(200);
    await sim.simulate(SLUG, 'upload-window', { start: '22:00', end: '06:00' });
    await sim.clock(SLUG, null);
  });

  it('processes a batch later, row by row: 新增, 变更, 终止 and the normal rejections', async () => {
    await sim.clock(SLUG, '2026-12-01T23:00:00+08:00');
    await sim.simulate(SLUG, 'insured-elsewhere', { ids: ['341222199506152167'] });
    const before = await sim.counters(SLUG);
    const res = await upload([
      ',320402199001010033,张伟,男,1990/1/1,非农业,参保缴费,18861234567,江苏省常州市天宁区青果巷12号,新增',
      ',320402199001010034,张伟,男,1990/1/1,非农业,参保缴费,,江苏省常州市天宁区青果巷12号,新增',
      ',320402201101010014,张小宝,男,2011/1/1,非农业,参保缴费,,江苏省常州市天宁区青果巷12号,新增',
      ',341222199506152167,陈静,女,1995/6/15,农业,参保缴费,15255556666,安徽省阜阳市临泉县城关镇,新增',
      ',320402196503121012,张建国,男,1965/3/12,非农业,参保缴费,13915001234,江苏省常州市天宁区青果巷12号,新增',
      '32040000000002,32040219680725202X,李秀英,女,1968/7/25,非农业,参保缴费,13800001111,江苏省常州市天宁区青果巷12号,变更',
      '32040000000004,320413197001012821,王丽华,女,1970/1/1,农业,暂停缴费,13961188888,江苏省常州市金坛区西门大街1号,终止',
      ',320411197812305051,刘强,男,1978/12/30,居民,参保缴费,13771112222,江苏省常州市新北区河海中路5号,新增',
    ]);
    expect(res.status).toBe(200);
    const { batchNo } = (await res.json()) as { batchNo: string };
    expect(batchNo).toMatch(/^PL20261201\d{6}$/);
    expect((await fetch(`${url}/batch/${batchNo}/result`, { headers: AUTH })).status).toBe(404);
    const result = await resultOf(batchNo);
    expect(result[0]).toEqual(['行号', '公民身份号码', '处理结果', '原因', '个人编号']);
    expect(result.slice(1)).toEqual([
      ['1', '320402199001010033', '成功', '', '32040000000006'],
      ['2', '320402199001010034', '失败', '公民身份号码校验错误', ''],
      ['3', '320402201101010014', '失败', '未满16周岁，不能参保', ''],
      ['4', '341222199506152167', '失败', '已在其他地区参保', ''],
      ['5', '320402196503121012', '失败', '该人员已在本地参保，个人编号32040000000001', ''],
      ['6', '32040219680725202X', '成功', '', '32040000000002'],
      ['7', '320413197001012821', '成功', '', '32040000000004'],
      ['8', '320411197812305051', '成功', '', '32040000000005'],
    ]);
    const roster = new Map((await sim.records<Insured>(SLUG)).map((r) => [r.个人编号, r]));
    expect(roster.size).toBe(6);
    expect(roster.get('32040000000006')).toMatchObject({
      姓名: '张伟',
      出生日期: '1990/1/1',
      参保状态: '参保缴费',
    });
    expect(roster.get('32040000000002')?.联系电话).toBe('13800001111');
    expect(roster.get('32040000000004')?.参保状态).toBe('终止参保');
    expect(roster.get('32040000000005')?.参保状态).toBe('参保缴费');
    const after = await sim.counters(SLUG);
    expect(after.applied - before.applied).toBe(4);
    expect(after.rejected - before.rejected).toBe(4);
    expect(after.duplicatesRefused - before.duplicatesRefused).toBe(1);
    await sim.clock(SLUG, null);
  });

  it('refuses a file that is not in its template', async () => {
    await sim.clock(SLUG, '2026-12-01T23:30:00+08:00');
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(iconv.encode('姓名,身份证\r\n张三,1\r\n', 'gbk'))]),
      'x.csv',
    );
    const res = await fetch(`${url}/batch/upload`, { method: 'POST', headers: AUTH, body: form });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/^文件格式错误/);
    await sim.clock(SLUG, null);
  });

  it('answers injected failures with 503 and its message', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    const res = await fetch(`${url}/batch/export`, { headers: AUTH });
    await sim.faults(SLUG, { errorRate: 0 });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ message: '系统繁忙，请稍后再试' });
  });
});
