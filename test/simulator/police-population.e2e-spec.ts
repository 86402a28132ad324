import { resolve } from 'node:path';
import { createClientAsync, WSSecurity, type Client } from 'soap';
import { startSimulator, type RunningSimulator } from './support';

const FIXTURES = resolve(__dirname, 'fixtures');
const SLUG = 'police-population';
const PATH = '/rkxx/services/RkxxService';

interface Ry {
  RYBH: string;
  GMSFHM: string;
  XM: string;
  XB: string;
  CSRQ: string;
  LXDH: string;
  ZT: string;
  BGSJ: string;
}
interface Reply {
  code: string;
  message: string;
  RYBH?: string;
  total?: number;
  RY?: Ry[];
}

async function clientFor(url: string, username?: string, password?: string): Promise<Client> {
  const client = await createClientAsync(`${url}${PATH}?wsdl`);
  if (username !== undefined && password !== undefined) {
    client.setSecurity(
      new WSSecurity(username, password, { passwordType: 'PasswordText', hasTimeStamp: false }),
    );
  }
  return client;
}

async function call(client: Client, op: string, args: unknown): Promise<Reply> {
  const [result] = await (client[`${op}Async`] as (a: unknown) => Promise<[Reply]>)(args);
  return { ...result, RY: result.RY ?? [] };
}

/** The fault text of a rejected call (the soap client rejects on HTTP 500 faults). */
async function faultOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String(
      (error as { root?: { Envelope?: { Body?: { Fault?: { faultstring?: string } } } } }).root?.Envelope
        ?.Body?.Fault?.faultstring,
    );
  }
  throw new Error('expected a SOAP fault');
}

const newcomer = {
  GMSFHM: '320402201101010014',
  XM: '张小宝',
  XB: '1',
  MZ: '01',
  CSRQ: '20110101',
  HH: '320402001',
  YHZGX: '41',
  HJDZ: '江苏省常州市天宁区青果巷12号',
  XZZ: '江苏省常州市天宁区青果巷12号',
  RYLB: '1',
};

describe('police-population simulator (SOAP)', () => {
  let sim: RunningSimulator;
  let client: Client;
  beforeAll(async () => {
    sim = await startSimulator('police', { SIM_SEED_DIR: FIXTURES });
    client = await clientFor(sim.urls[SLUG], 'hub', 'hub-police-secret');
  });
  afterAll(() => sim.stop());

  it('serves its WSDL and exports the seed exactly, page by page', async () => {
    const wsdl = await (await fetch(`${sim.urls[SLUG]}${PATH}?wsdl`)).text();
    expect(wsdl).toContain('QueryBgxx');
    const pages = [];
    for (let pageNo = 1; pageNo <= 3; pageNo++)
      pages.push(await call(client, 'QueryRyxx', { pageNo, pageSize: 4 }));
    expect(pages.map((p) => p.RY?.length)).toEqual([4, 4, 1]);
    expect(pages[0].total).toBe(9);
    // Empty elements may come back absent: compare every field, absent as ''.
    const FIELDS = [
      'RYBH',
      'GMSFHM',
      'XM',
      'XB',
      'MZ',
      'CSRQ',
      'HH',
      'YHZGX',
      'HJDZ',
      'XZZ',
      'RYLB',
      'LXDH',
      'ZT',
      'BGSJ',
    ];
    const full = (r: object) =>
      Object.fromEntries(FIELDS.map((f) => [f, String((r as Record<string, unknown>)[f] ?? '')]));
    const exported = pages.flatMap((p) => p.RY ?? []).map(full);
    const records = await sim.records<Ry>(SLUG);
    expect(exported).toEqual(records.map(full));
    expect(records).toHaveLength(9);
    expect(records.find((r) => r.RYBH === 'R32040200000008')?.GMSFHM).toBe('320402350618102');
    expect(records.find((r) => r.RYBH === 'R32040200000009')?.XM).toBe('阿依古丽·买买提');
    expect((await call(client, 'QueryRyxx', { pageNo: 1, pageSize: 1001 })).code).toBe('E110');
  });

  it('refuses calls without or with wrong WS-Security credentials with a SOAP fault', async () => {
    const anonymous = await clientFor(sim.urls[SLUG]);
    expect(await faultOf(call(anonymous, 'QueryRyxx', { pageNo: 1, pageSize: 1 }))).toMatch(/^E401/);
    const wrong = await clientFor(sim.urls[SLUG], 'hub', 'guess');
    expect(await faultOf(call(wrong, 'QueryRyxx', { pageNo: 1, pageSize: 1 }))).toMatch(/^E401 认证失败/);
  });

  it('registers, updates (upsert by GMSFHM) and ends a person', async () => {
    const created = await call(client, 'SaveRyxx', { RY: newcomer });
    expect(created.code).toBe('0000');
    expect(created.RYBH).toMatch(/^R320402\d{8}$/);
    const updated = await call(client, 'SaveRyxx', { RY: { GMSFHM: newcomer.GMSFHM, LXDH: '13800001111' } });
    expect(updated).toMatchObject({ code: '0000', RYBH: created.RYBH });
    const ended = await call(client, 'ZxRyxx', { GMSFHM: newcomer.GMSFHM, ZT: '2' });
    expect(ended).toMatchObject({ code: '0000', RYBH: created.RYBH });
    const held = (await sim.records<Ry>(SLUG)).find((r) => r.RYBH === created.RYBH);
    expect(held).toMatchObject({ XM: '张小宝', LXDH: '13800001111', ZT: '2' });
    expect((await sim.counters(SLUG)).applied).toBeGreaterThanOrEqual(3);
  });

  it('upgrades a legacy 15-digit person when the 18-digit number is pushed', async () => {
    const reply = await call(client, 'SaveRyxx', {
      RY: { GMSFHM: '320402193506181025', LXDH: '13912345678' },
    });
    expect(reply).toMatchObject({ code: '0000', RYBH: 'R32040200000008' });
    const held = (await sim.records<Ry>(SLUG)).find((r) => r.RYBH === 'R32040200000008');
    expect(held).toMatchObject({ GMSFHM: '320402193506181025', XM: '孙桂兰' });
  });

  it('refuses bad input with its own code and Chinese message, and changes nothing', async () => {
    const before = await sim.records(SLUG);
    const badCheck = await call(client, 'SaveRyxx', { RY: { ...newcomer, GMSFHM: '320402201101010015' } });
    expect(badCheck).toEqual({ code: 'E102', message: '公民身份号码校验错误', RY: [] });
    const wrongGender = await call(client, 'SaveRyxx', {
      RY: { ...newcomer, GMSFHM: '320402200805092834', CSRQ: '20080509', XB: '2' },
    });
    expect(wrongGender).toMatchObject({ code: 'E104', message: '性别与公民身份号码不符' });
    const unknown = await call(client, 'ZxRyxx', { GMSFHM: '320404198804113712', ZT: '1' });
    expect(unknown).toMatchObject({ code: 'E108', message: '查无此人' });
    expect(await sim.records(SLUG)).toEqual(before);
  });

  it('refuses to give an ID number already held to another person, and counts it', async () => {
    const before = await sim.counters(SLUG);
    const reply = await call(client, 'SaveRyxx', {
      RY: { RYBH: 'R32040200000003', GMSFHM: '320402196503121012' },
    });
    expect(reply).toMatchObject({ code: 'E107', message: '该公民身份号码已被其他人员登记' });
    expect((await sim.counters(SLUG)).duplicatesRefused).toBe(before.duplicatesRefused + 1);
  });

  it('lists its own and pushed changes after a BGSJ cursor, none repeated, none skipped', async () => {
    await sim.clock(SLUG, '2031-03-01T09:00:00+08:00');
    const since = (await sim.records<Ry>(SLUG))
      .map((r) => r.BGSJ)
      .sort()
      .at(-1) as string;
    const death = (await sim.simulate(SLUG, 'death', { GMSFHM: '320402196503121012' })) as Ry;
    const pushed = await call(client, 'SaveRyxx', {
      RY: { GMSFHM: '320402199001010033', XZZ: '常州市钟楼区' },
    });
    const rename = (await sim.simulate(SLUG, 'update', { GMSFHM: '320411197812305051', XM: '刘强强' })) as Ry;
    // Three changes within one second of the department clock still get distinct, rising times.
    expect([death.BGSJ, rename.BGSJ].every((t) => t > since)).toBe(true);
    const feed = (await call(client, 'QueryBgxx', { since })).RY ?? [];
    expect(feed.map((r) => r.RYBH)).toEqual(['R32040200000001', pushed.RYBH, 'R32041100000005']);
    expect(feed.map((r) => r.BGSJ)).toEqual([...new Set(feed.map((r) => r.BGSJ))].sort());
    expect(feed[0]).toMatchObject({ ZT: '1' });
    expect(feed[2]).toMatchObject({ XM: '刘强强' });
    const after = (await call(client, 'QueryBgxx', { since: feed[0].BGSJ })).RY ?? [];
    expect(after.map((r) => r.RYBH)).toEqual([pushed.RYBH, 'R32041100000005']);
    expect((await call(client, 'QueryBgxx', { since: feed[2].BGSJ })).RY).toEqual([]);
    expect((await call(client, 'QueryBgxx', { since: '2031-03-01' })).code).toBe('E111');
    await sim.clock(SLUG, null);
  });

  it('answers injected failures with a SOAP fault', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    const res = await fetch(`${sim.urls[SLUG]}${PATH}`, { method: 'POST', body: '<x/>' });
    await sim.faults(SLUG, { errorRate: 0 });
    expect(res.status).toBe(500);
    expect(await res.text()).toMatch(/<soap:Fault><faultcode>soap:Server<\/faultcode><faultstring>E500/);
  });
});

describe('police-population simulator with realism on', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator('police_realism', { SIM_REALISM: 'on' });
  });
  afterAll(() => sim.stop());

  it('is slow, and answers more than 5 calls a second with the fault E429 请求过于频繁', async () => {
    const client = await clientFor(sim.urls[SLUG], 'hub', 'hub-police-secret');
    const started = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        call(client, 'QueryRyxx', { pageNo: 1, pageSize: 10 }).then(
          (r) => r.code,
          (e: { root?: { Envelope?: { Body?: { Fault?: { faultstring?: string } } } } }) =>
            e.root?.Envelope?.Body?.Fault?.faultstring,
        ),
      ),
    );
    expect(outcomes.filter((o) => o === '0000')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'E429 请求过于频繁')).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });
});
