import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Client } from 'pg';
import { startSimulator, type RunningSimulator } from './support';

const FIXTURES = join(__dirname, 'fixtures');
const SLUG = 'family-planning';
const MASTER = `SELECT rkbh, xm, sfzh, xb, to_char(csrq, 'YYYY-MM-DD') AS csrq, hyzk, pobsfzh, znsl, hh,
  to_char(gxsj, 'YYYY-MM-DD HH24:MI:SS') AS gxsj FROM t_rk_jbxx`;

interface Outcome {
  clzt: number;
  clxx: string | null;
  rkbh: string | null;
}

type SeedRow = Record<
  'rkbh' | 'xm' | 'sfzh' | 'xb' | 'csrq' | 'hyzk' | 'pobsfzh' | 'znsl' | 'hh' | 'gxsj',
  string
>;

const seed = parse<SeedRow>(readFileSync(join(FIXTURES, `${SLUG}.csv`), 'utf8'), {
  columns: true,
}).map((r) => ({
  ...r,
  hyzk: r.hyzk || null,
  pobsfzh: r.pobsfzh || null,
  znsl: r.znsl === '' ? null : Number(r.znsl),
  hh: r.hh || null,
}));

describe('family-planning simulator (前置库)', () => {
  let sim: RunningSimulator;
  let hub: Client;
  let serial = 0;

  /** The front database, as the hub or as the department's administrator. */
  const frontUrl = (asHub: boolean): string => {
    const url = new URL(sim.databaseUrl);
    url.pathname = `${url.pathname}_fp`;
    if (asHub) {
      url.username = 'fp_hub';
      url.password = 'hub-fp-secret';
    }
    return url.toString();
  };
  const connect = async (asHub = true): Promise<Client> => {
    const client = new Client({ connectionString: frontUrl(asHub) });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };

  const push = async (row: Record<string, unknown>): Promise<string> => {
    const ywlsh = (row.ywlsh as string | undefined) ?? `HUB-${Date.now()}-${++serial}`;
    const values: Record<string, unknown> = {
      rkbh: null,
      xm: null,
      sfzh: null,
      xb: null,
      csrq: null,
      hyzk: null,
      pobsfzh: null,
      znsl: null,
      hh: null,
      ...row,
      ywlsh,
    };
    await hub.query(
      `INSERT INTO t_rk_in (rkbh, czlx, xm, sfzh, xb, csrq, hyzk, pobsfzh, znsl, hh, ywlsh)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        values.rkbh,
        values.czlx,
        values.xm,
        values.sfzh,
        values.xb,
        values.csrq,
        values.hyzk,
        values.pobsfzh,
        values.znsl,
        values.hh,
        ywlsh,
      ],
    );
    return ywlsh;
  };
  const outcome = async (ywlsh: string, client = hub): Promise<Outcome> => {
    for (let i = 0; i < 50; i++) {
      const { rows } = await client.query<Outcome>('SELECT clzt, clxx, rkbh FROM t_rk_in WHERE ywlsh = $1', [
        ywlsh,
      ]);
      if (rows[0] && rows[0].clzt !== 0) return rows[0];
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`row ${ywlsh} was not processed`);
  };
  const master = async () => (await hub.query(`${MASTER} ORDER BY rkbh`)).rows;
  const cursorNow = async (): Promise<string> =>
    (
      await hub.query<{ c: string }>(
        `SELECT to_char(max(gxsj), 'YYYY-MM-DD HH24:MI:SS.MS') AS c FROM t_rk_jbxx`,
      )
    ).rows[0].c;
  const changedAfter = async (cursor: string) =>
    (await hub.query(`${MASTER} WHERE gxsj > $1::timestamp ORDER BY gxsj`, [cursor])).rows;

  beforeAll(async () => {
    sim = await startSimulator('family_planning', { SIM_SEED_DIR: FIXTURES });
    hub = await connect();
  });
  afterAll(async () => {
    await hub?.end();
    await sim?.stop();
  });

  it('opens no HTTP port: the exchange is the front database', () => {
    expect(sim.urls[SLUG]).toBeUndefined();
  });

  it('holds the seed in t_rk_jbxx, readable with the hub login, and dumps the same', async () => {
    expect(await master()).toEqual(seed);
    expect(await sim.records(SLUG)).toEqual(seed);
  });

  it('gives the hub login only what the exchange needs', async () => {
    await expect(hub.query(`UPDATE t_rk_jbxx SET xm = 'x'`)).rejects.toMatchObject({ code: '42501' });
    await expect(hub.query('DELETE FROM t_rk_in')).rejects.toMatchObject({ code: '42501' });
    await expect(hub.query('UPDATE t_rk_in SET clzt = 1')).rejects.toMatchObject({ code: '42501' });
    await expect(hub.query('SELECT * FROM t_rk_in_cf')).rejects.toMatchObject({ code: '42501' });
  });

  it('adds, changes and removes persons from inbound rows and reports the outcome', async () => {
    const before = await sim.counters(SLUG);
    const person = {
      xm: '孙悦',
      sfzh: '320402199604150529',
      xb: '2',
      csrq: '1996-04-15',
      hyzk: '10',
      znsl: 0,
      hh: '320402188',
    };
    const added = await outcome(await push({ czlx: 'I', ...person }));
    expect(added).toEqual({ clzt: 1, clxx: '新增成功', rkbh: expect.stringMatching(/^RK320400\d{10}$/) });
    expect(added.rkbh).toBe('RK3204000000000011');
    const rkbh = added.rkbh as string;
    expect((await sim.records(SLUG)).find((r) => r.rkbh === rkbh)).toMatchObject({ ...person, rkbh });

    const changed = await outcome(
      await push({ czlx: 'U', rkbh, ...person, hyzk: '20', pobsfzh: '320411198404160177' }),
    );
    expect(changed).toEqual({ clzt: 1, clxx: '变更成功', rkbh });
    expect((await sim.records(SLUG)).find((r) => r.rkbh === rkbh)).toMatchObject({
      hyzk: '20',
      pobsfzh: '320411198404160177',
    });

    expect(await outcome(await push({ czlx: 'D', rkbh }))).toEqual({ clzt: 1, clxx: '注销成功', rkbh });
    expect((await sim.records(SLUG)).some((r) => r.rkbh === rkbh)).toBe(false);
    expect((await sim.counters(SLUG)).applied - before.applied).toBe(3);
  });

  it('rejects invalid rows with clzt 9 and its own message, changing nothing', async () => {
    const before = { rows: await master(), counters: await sim.counters(SLUG) };
    const valid = { xm: '钱多多', sfzh: '320402199604150529', xb: '2', csrq: '1996-04-15' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ czlx: 'I', ...valid, sfzh: '320402199604150521' }, '公民身份号码校验错误'],
      [{ czlx: 'I', ...valid, xb: '1' }, '性别与公民身份号码不符'],
      [{ czlx: 'I', ...valid, csrq: '1996-05-15' }, '出生日期与公民身份号码不符'],
      [{ czlx: 'I', ...valid, xm: ' ' }, '姓名(xm)不能为空'],
      [{ czlx: 'I', ...valid, hyzk: '55' }, '婚姻状况代码(hyzk)错误'],
      [{ czlx: 'U', rkbh: 'RK3204009999999999', ...valid }, '人口编号RK3204009999999999不存在'],
      [{ czlx: 'D', rkbh: 'RK3204009999999999' }, '人口编号RK3204009999999999不存在'],
      [{ czlx: 'D' }, '变更或注销时人口编号(rkbh)不能为空'],
      [{ czlx: 'X', ...valid }, '操作类型(czlx)错误，应为I、U或D'],
    ];
    const serials: string[] = [];
    for (const [row] of cases) serials.push(await push(row));
    for (const [index, ywlsh] of serials.entries())
      expect(await outcome(ywlsh)).toMatchObject({ clzt: 9, clxx: cases[index][1] });
    expect(await master()).toEqual(before.rows);
    expect((await sim.counters(SLUG)).rejected - before.counters.rejected).toBe(cases.length);
  });

  it('ignores a repeated business serial and refuses a second new person with a held ID', async () => {
    const before = await sim.counters(SLUG);
    const ywlsh = await push({
      czlx: 'I',
      xm: '郑爽',
      sfzh: '320412199811230049',
      xb: '2',
      csrq: '1998-11-23',
    });
    const again = await hub.query(
      `INSERT INTO t_rk_in (czlx, xm, sfzh, xb, csrq, ywlsh) VALUES ('I', '郑爽', '320412199811230049', '2', '1998-11-23', $1)`,
      [ywlsh],
    );
    expect(again.rowCount).toBe(0);
    expect((await hub.query('SELECT id FROM t_rk_in WHERE ywlsh = $1', [ywlsh])).rowCount).toBe(1);
    expect(await outcome(ywlsh)).toMatchObject({ clzt: 1 });

    const held = seed[0];
    const dup = await outcome(
      await push({ czlx: 'I', xm: held.xm, sfzh: held.sfzh, xb: held.xb, csrq: held.csrq }),
    );
    expect(dup).toEqual({ clzt: 9, clxx: `该公民身份号码已登记，人口编号${held.rkbh}`, rkbh: held.rkbh });
    const after = await sim.counters(SLUG);
    expect(after.duplicatesRefused - before.duplicatesRefused).toBe(2);
    expect(after.applied - before.applied).toBe(1);
  });

  it('shows clinic births and hub pushes as rows changed after a time, none repeated or skipped', async () => {
    const cursor1 = await cursorNow();
    // 吴婷's spouse 周强 is on file: both parents get one more child.
    const birth = (await sim.simulate(SLUG, 'birth', {
      motherRkbh: 'RK3204000000000010',
      xm: '周沐阳',
      sfzh: '320404202611200018',
      xb: '1',
      csrq: '2026-11-20',
    })) as { rkbh: string };
    const afterBirth = await changedAfter(cursor1);
    expect(afterBirth.map((r) => r.rkbh).sort()).toEqual(
      [birth.rkbh, 'RK3204000000000009', 'RK3204000000000010'].sort(),
    );
    expect(afterBirth.find((r) => r.rkbh === birth.rkbh)).toMatchObject({
      hh: '320404519',
      hyzk: '10',
      znsl: 0,
    });
    expect(afterBirth.filter((r) => r.rkbh !== birth.rkbh).map((r) => r.znsl)).toEqual([1, 1]);

    const cursor2 = await cursorNow();
    const liFang = seed.find((r) => r.rkbh === 'RK3204000000000007')!;
    await outcome(await push({ czlx: 'U', ...liFang, hyzk: '20', gxsj: undefined }));
    expect((await changedAfter(cursor2)).map((r) => r.rkbh)).toEqual(['RK3204000000000007']);

    // 李娜's spouse number is her own (a quirk of the data): only the mother is counted.
    const cursor3 = await cursorNow();
    await sim.simulate(SLUG, 'birth', {
      motherRkbh: 'RK3204000000000005',
      xm: '李小满',
      sfzh: '320404202610010028',
      xb: '2',
      csrq: '2026-10-01',
    });
    const afterSecond = await changedAfter(cursor3);
    expect(afterSecond).toHaveLength(2);
    expect(afterSecond.find((r) => r.rkbh === 'RK3204000000000005')).toMatchObject({ znsl: 2 });
    expect(await changedAfter(await cursorNow())).toEqual([]);
  });

  it('refuses a clinic registration it would refuse from the hub', async () => {
    await expect(
      sim.simulate(SLUG, 'birth', {
        motherRkbh: 'RK3204000000000010',
        xm: '无名',
        sfzh: '320404202611200017',
        xb: '1',
        csrq: '2026-11-20',
      }),
    ).rejects.toThrow('公民身份号码校验错误');
  });

  it('while down refuses the hub login and processes nothing, then catches up', async () => {
    await sim.faults(SLUG, { down: true });
    try {
      let refused: unknown;
      for (let i = 0; i < 30 && !refused; i++) {
        refused = await connect().then(
          (c) => c.end().then(() => undefined),
          (error: unknown) => error,
        );
        if (!refused) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(refused).toMatchObject({ code: '42501' });
      const admin = await connect(false);
      try {
        await admin.query(
          `INSERT INTO t_rk_in (czlx, xm, sfzh, xb, csrq, ywlsh) VALUES ('I', '冯雪', '320411200002180028', '2', '2000-02-18', 'ADMIN-1')`,
        );
        await new Promise((resolve) => setTimeout(resolve, 1200));
        expect(
          (await admin.query('SELECT clzt FROM t_rk_in WHERE ywlsh = $1', ['ADMIN-1'])).rows[0].clzt,
        ).toBe(0);
      } finally {
        await admin.end();
      }
    } finally {
      await sim.faults(SLUG, { down: false });
    }
    let back: Client | undefined;
    for (let i = 0; i < 30 && !back; i++) {
      back = await connect().catch(() => undefined);
      if (!back) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    hub = back as Client;
    expect(await outcome('ADMIN-1')).toMatchObject({ clzt: 1, rkbh: expect.stringMatching(/^RK320400/) });
  });
});
