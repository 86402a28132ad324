import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { startSimulator, type RunningSimulator } from './support';

const FIXTURES = resolve(__dirname, 'fixtures');
const SLUG = 'employment';

interface Jyry {
  jyrybh: string;
  sfzhm: string;
  xm: string;
  jyzt: string;
  lxdh: string;
  zxbz: string;
  gxsj: string;
}

/** A form body as a GBK page posts it: each value's GBK bytes, percent-encoded. */
function gbkForm(fields: Record<string, string>): string {
  const encode = (text: string) =>
    [...iconv.encode(text, 'gbk')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${encode(v)}`)
    .join('&');
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=GBK' };

/** Department time `yyyy-MM-dd HH:mm:ss` (Asia/Shanghai) of an HTTP Date header. */
const shanghai = (httpDate: string): string =>
  new Date(new Date(httpDate).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

describe('employment simulator (GBK forms)', () => {
  let sim: RunningSimulator;
  let url: string;
  let cookie: string;

  async function login(password = 'hub-employment-secret'): Promise<Response> {
    return fetch(`${url}/jy/login.do`, {
      method: 'POST',
      headers: FORM,
      body: gbkForm({ username: 'hub', password }),
    });
  }
  async function post(fields: Record<string, string>, session = cookie): Promise<string> {
    const res = await fetch(`${url}/jy/ryxx.do`, {
      method: 'POST',
      headers: { ...FORM, cookie: session },
      body: gbkForm(fields),
    });
    return iconv.decode(Buffer.from(await res.arrayBuffer()), 'gbk');
  }
  async function exportCsv(
    since?: string,
    session = cookie,
  ): Promise<{ text: string; date: string; raw: Buffer }> {
    const query = since ? `?since=${encodeURIComponent(since)}` : '';
    const res = await fetch(`${url}/jy/export.do${query}`, { headers: { cookie: session } });
    const raw = Buffer.from(await res.arrayBuffer());
    return { text: iconv.decode(raw, 'gbk'), date: res.headers.get('date') ?? '', raw };
  }
  const person = {
    action: 'save',
    sfzhm: '320402199208143626',
    xm: '阿依古丽·买买提',
    xb: '2',
    csrq: '1992-08-14',
    whcd: '20',
    jyzt: '2',
    lxdh: '13399887766',
    jtzz: '江苏省常州市天宁区红梅西路2栋2单元301',
    pxyx: '1',
  };

  beforeAll(async () => {
    sim = await startSimulator('employment', { SIM_SEED_DIR: FIXTURES });
    url = sim.urls[SLUG];
    const res = await login();
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  });
  afterAll(() => sim.stop());

  it('exports the GBK seed exactly, legacy ID spellings and "?" names included', async () => {
    const { raw, text } = await exportCsv();
    expect(raw.equals(readFileSync(resolve(FIXTURES, 'employment.csv')))).toBe(true);
    expect(text.split('\r\n')[0]).toBe(
      '人员编号,身份证号码,姓名,性别,出生日期,文化程度,就业状态,联系电话,家庭住址',
    );
    const records = await sim.records<Jyry>(SLUG);
    expect(records).toHaveLength(7);
    expect(records.map((r) => r.sfzhm)).toContain('３２０４０４１９８８０４１１３７１２');
  });

  it('answers with the login form without a session or with a wrong password', async () => {
    const res = await fetch(`${url}/jy/export.do`);
    expect(res.headers.get('content-type')).toBe('text/html; charset=GBK');
    expect(iconv.decode(Buffer.from(await res.arrayBuffer()), 'gbk')).toContain('action="/jy/login.do"');
    const wrong = await login('guess');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(iconv.decode(Buffer.from(await wrong.arrayBuffer()), 'gbk')).toContain('用户名或密码错误');
    expect(await post({ ...person }, 'JSESSIONID=NOPE')).toContain('<form');
  });

  it('registers, updates and ends a person through ryxx.do', async () => {
    const created = await post(person);
    expect(created).toMatch(/^0\|成功\|320400\d{10}$/);
    const jyrybh = created.split('|')[2];
    expect(await post({ action: 'save', jyrybh, jyzt: '1', lxdh: '13399880000' })).toBe(`0|成功|${jyrybh}`);
    let held = (await sim.records<Jyry>(SLUG)).find((r) => r.jyrybh === jyrybh);
    expect(held).toMatchObject({ xm: '阿依古丽·买买提', jyzt: '1', lxdh: '13399880000', zxbz: '0' });
    expect(await post({ action: 'end', jyrybh })).toBe(`0|成功|${jyrybh}`);
    held = (await sim.records<Jyry>(SLUG)).find((r) => r.jyrybh === jyrybh);
    expect(held?.zxbz).toBe('1');
    expect((await exportCsv()).text).not.toContain(jyrybh);
  });

  it('refuses what it cannot store with its own reason, and changes nothing', async () => {
    const before = await sim.records(SLUG);
    const fresh = { ...person, sfzhm: '653101199208143622' };
    expect(await post({ ...fresh, sfzhm: '653101199208143623' })).toBe('1|身份证号码不正确');
    expect(await post({ ...fresh, xm: '欧阳娜娜娜娜娜娜娜娜娜' })).toBe('1|姓名不能超过10个字');
    expect(await post({ ...fresh, xb: '1' })).toBe('1|性别与身份证号码不符');
    // A rare character (U+20BB7) as a browser posts it, and as a GBK encoder degrades it.
    const ncr = gbkForm({ ...fresh, xm: '' }).replace('xm=', 'xm=%B3%C2%26%23134071%3B');
    const res = await fetch(`${url}/jy/ryxx.do`, { method: 'POST', headers: { ...FORM, cookie }, body: ncr });
    expect(iconv.decode(Buffer.from(await res.arrayBuffer()), 'gbk')).toMatch(/^1\|/);
    expect(await post({ ...fresh, xm: '陈\u{20BB7}' })).toBe('1|姓名含有非法字符"?"');
    expect(await post({ ...fresh, sfzhm: '320402201101010014', csrq: '2011-01-01', xb: '1' })).toBe(
      '1|未满16周岁，不能进行就业登记',
    );
    expect(await sim.records(SLUG)).toEqual(before);
  });

  it('refuses a second registration of an ID number, legacy spellings included, and counts it', async () => {
    const before = await sim.counters(SLUG);
    expect(
      await post({ ...person, sfzhm: '320402199001010033', xm: '张伟', xb: '1', csrq: '1990-01-01' }),
    ).toBe('1|该身份证号码已登记，人员编号：3204000000000001');
    expect(
      await post({ ...person, sfzhm: '320404198804113712', xm: '吴明', xb: '1', csrq: '1988-04-11' }),
    ).toBe('1|该身份证号码已登记，人员编号：3204000000000005');
    expect((await sim.counters(SLUG)).duplicatesRefused).toBe(before.duplicatesRefused + 2);
  });

  it('lists changes after `since` (the Date of the previous export): none repeated, none skipped', async () => {
    await sim.clock(SLUG, '2031-06-01T10:00:00+08:00');
    cookie = ((await login()).headers.get('set-cookie') ?? '').split(';')[0];
    const since = shanghai((await exportCsv()).date);
    expect(since).toBe('2031-06-01 10:00:00');
    await sim.simulate(SLUG, 'update', { jyrybh: '3204000000000002', jyzt: '1' });
    expect(await post({ action: 'save', jyrybh: '3204000000000003', lxdh: '15255550000' })).toBe(
      '0|成功|3204000000000003',
    );
    const first = await exportCsv(since);
    const ids = first.text
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(ids).toEqual(['3204000000000002', '3204000000000003']);
    // Same department second as the export: the next change still comes after it.
    await sim.simulate(SLUG, 'update', { jyrybh: '3204000000000001', jyzt: '2' });
    const second = await exportCsv(shanghai(first.date));
    expect(
      second.text
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[0]),
    ).toEqual(['3204000000000001']);
    expect((await exportCsv(shanghai(second.date))).text.trim().split('\r\n')).toHaveLength(1);
    await sim.clock(SLUG, null);
    cookie = ((await login()).headers.get('set-cookie') ?? '').split(';')[0];
  });

  it('expires a session after 15 idle minutes by the department clock', async () => {
    await sim.clock(SLUG, '2031-07-01T09:00:00+08:00');
    const res = await login();
    const session = (res.headers.get('set-cookie') ?? '').split(';')[0];
    await sim.clock(SLUG, '2031-07-01T09:14:00+08:00');
    expect((await exportCsv(undefined, session)).text).toContain('人员编号');
    await sim.clock(SLUG, '2031-07-01T09:28:30+08:00');
    expect((await exportCsv(undefined, session)).text).toContain('人员编号');
    await sim.clock(SLUG, '2031-07-01T09:44:00+08:00');
    expect((await exportCsv(undefined, session)).text).toContain('会话已超时，请重新登录');
    await sim.clock(SLUG, null);
  });

  it('answers injected failures with its error page', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    const res = await fetch(`${url}/jy/export.do`, { headers: { cookie } });
    await sim.faults(SLUG, { errorRate: 0 });
    expect(res.status).toBe(500);
    expect(iconv.decode(Buffer.from(await res.arrayBuffer()), 'gbk')).toContain('系统繁忙');
  });
});
