import { join } from 'node:path';
import { MILITIA_SEED, MILITIA_SEED_COMMUNITY } from './fixtures/militia-conscription.seed';
import { buildRoster, readRosterFile, ROSTER_HEADERS, type RosterRow } from './militia-roster';
import { startSimulator, type RunningSimulator } from './support';

const SLUG = 'militia-conscription';
const AUTH = `Basic ${Buffer.from('hub:hub-militia-secret').toString('base64')}`;
const COMMUNITY = '天宁区红梅街道青山湾社区';
const TITLE = `${COMMUNITY}兵役登记花名册`;

const asRecord = (row: RosterRow, community = MILITIA_SEED_COMMUNITY) => ({
  ...Object.fromEntries(ROSTER_HEADERS.slice(1).map((h, i) => [h, String(row[i])])),
  社区: community,
});
const withNumbers = (rows: RosterRow[]): string[][] =>
  rows.map((row, i) => [String(i + 1), ...row.map(String)]);

describe('militia-conscription simulator (XLSX roster)', () => {
  let sim: RunningSimulator;
  let base: string;

  const upload = async (file: Buffer | Uint8Array, auth = AUTH, field = 'file') => {
    const form = new FormData();
    form.append(field, new Blob([file]), 'roster.xlsx');
    const res = await fetch(`${base}/byd/roster/upload`, {
      method: 'POST',
      body: form,
      headers: { authorization: auth },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const uploadRows = async (rows: RosterRow[]) => {
    const { status, body } = await upload(await buildRoster(TITLE, rows));
    expect(status).toBe(200);
    return body as { accepted: number; rejected: Array<{ row: number; reason: string }> };
  };
  const exported = async (query = '') => {
    const res = await fetch(`${base}/byd/roster/export${query}`, { headers: { authorization: AUTH } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    return readRosterFile(Buffer.from(await res.arrayBuffer()));
  };

  beforeAll(async () => {
    sim = await startSimulator('militia_conscription', { SIM_SEED_DIR: join(__dirname, 'fixtures') });
    base = sim.urls[SLUG];
    await sim.clock(SLUG, '2026-06-15T10:00:00+08:00');
  });
  afterAll(() => sim?.stop());

  it('exports the seed roster in the department template', async () => {
    const all = await exported('?year=2026');
    expect(all).toEqual({
      sheetNames: ['兵役登记花名册'],
      title: '全部社区兵役登记花名册',
      merged: true,
      headers: ROSTER_HEADERS,
      rows: withNumbers(MILITIA_SEED),
    });
    expect((await exported(`?year=2026&community=${encodeURIComponent(COMMUNITY)}`)).title).toBe(TITLE);
    expect((await exported('?community=其他社区')).rows).toEqual([]);
    // In 2027 the man born in 2004 is 23 and off the roster.
    expect((await exported('?year=2027')).rows).toEqual(withNumbers(MILITIA_SEED.slice(1)));
    expect(await sim.records(SLUG)).toEqual(MILITIA_SEED.map((row) => asRecord(row)));
    const bad = await fetch(`${base}/byd/roster/export?year=26`, { headers: { authorization: AUTH } });
    expect(bad.status).toBe(400);
  });

  it('refuses missing or wrong basic credentials', async () => {
    const none = await fetch(`${base}/byd/roster/export`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Basic');
    expect(await none.json()).toEqual({ message: '身份认证失败：用户名或密码错误' });
    const wrong = await upload(
      await buildRoster(TITLE, []),
      `Basic ${Buffer.from('hub:guess').toString('base64')}`,
    );
    expect(wrong.status).toBe(401);
  });

  it('registers, changes and cancels men by ID number', async () => {
    const before = await sim.counters(SLUG);
    const sun: RosterRow = [
      '孙博文',
      '320402200609010715',
      '2006.09',
      '大学本科',
      '中共预备党员',
      '13706128899',
      '常州市天宁区青山湾路30号',
      '常州市天宁区青山湾路30号',
      '初次登记',
    ];
    // 出生年月 typed as a number: Excel keeps 2007.04 as 2007.04, and the system reads it back.
    const qian: RosterRow = [
      '钱思远',
      '320412200704110354',
      2007.04,
      '技工学校',
      '群众',
      '',
      '常州市武进区湖塘镇',
      '常州市天宁区红梅新村8-1-602',
      '初次登记',
    ];
    const wang: RosterRow = [
      ...MILITIA_SEED[2].slice(0, 5),
      '13912345678',
      ...MILITIA_SEED[2].slice(6, 8),
      '变更登记',
    ];
    const xu: RosterRow = [...MILITIA_SEED[4].slice(0, 8), '注销登记'];
    expect(await uploadRows([sun, qian, wang, xu])).toEqual({ accepted: 4, rejected: [] });
    const records = await sim.records(SLUG);
    expect(records).toHaveLength(MILITIA_SEED.length + 1);
    expect(records).toContainEqual(asRecord(sun, COMMUNITY));
    expect(records).toContainEqual(
      asRecord(['钱思远', '320412200704110354', '2007.04', ...qian.slice(3)], COMMUNITY),
    );
    expect(records).toContainEqual(asRecord(wang, COMMUNITY));
    expect(records.some((r) => r['公民身份号码'] === MILITIA_SEED[4][1])).toBe(false);
    // A change keeps the man's place on the roster.
    expect((await exported()).rows.map((r) => r[1])).toEqual([
      '陈浩然',
      '刘子豪',
      '王俊杰',
      '周宇航',
      '孙博文',
      '钱思远',
    ]);
    expect((await sim.counters(SLUG)).applied - before.applied).toBe(4);
  });

  it('rejects rows the department would not register, with its reasons and row numbers', async () => {
    const before = { records: await sim.records(SLUG), counters: await sim.counters(SLUG) };
    const man = (
      id: string,
      birth: string | number,
      overrides: Partial<Record<number, string>> = {},
    ): RosterRow => {
      const row: RosterRow = [
        '测试',
        id,
        birth,
        '高中',
        '群众',
        '',
        '常州市天宁区',
        '常州市天宁区青山湾路1号',
        '初次登记',
      ];
      for (const [i, v] of Object.entries(overrides)) row[Number(i)] = v as string;
      return row;
    };
    const result = await uploadRows([
      man('320402200506180244', '2005.06'),
      man('320402200305090111', '2003.05'),
      man('32040220090214013X', '2009.02'),
      man('320402200609010716', '2006.09'),
      man('320402200609010715', '2006.08'),
      man('320402200609010715', '2006.09', { 3: '博士后' }),
      man('320402200609010715', '2006.09', { 4: '团员' }),
      man('320402200609010715', '2006.09', { 5: '12345' }),
      man('320412200704110354', '2007.04', { 8: '补充登记' }),
      man('320404200707300177', '2007.07'),
      [...man('320411200603030199', '2006.03').slice(0, 8), '变更登记'],
      man('320402200403150317', '2004.03'),
      [
        '测试',
        Number('320402200609010715'),
        '2006.09',
        '高中',
        '群众',
        '',
        '常州市天宁区',
        '常州市天宁区',
        '初次登记',
      ],
    ]);
    expect(result).toEqual({
      accepted: 0,
      rejected: [
        { row: 3, reason: '非男性公民，无需进行兵役登记' },
        { row: 4, reason: '年龄不符：2026年12月31日应满18至22周岁（实际23周岁）' },
        { row: 5, reason: '年龄不符：2026年12月31日应满18至22周岁（实际17周岁）' },
        { row: 6, reason: '公民身份号码校验错误' },
        { row: 7, reason: '出生年月与公民身份号码不符（格式yyyy.MM）' },
        { row: 8, reason: '文化程度“博士后”不在可选范围内' },
        { row: 9, reason: '政治面貌“团员”不在可选范围内' },
        { row: 10, reason: '联系电话格式错误' },
        { row: 11, reason: '登记类型应为初次登记、变更登记或注销登记' },
        { row: 12, reason: '公民身份号码校验错误' },
        { row: 13, reason: '未找到该公民的兵役登记信息' },
        { row: 14, reason: '该公民已进行兵役登记，请使用变更登记' },
        { row: 15, reason: '公民身份号码须以文本格式填写' },
      ],
    });
    expect(await sim.records(SLUG)).toEqual(before.records);
    const after = await sim.counters(SLUG);
    expect(after.rejected - before.counters.rejected).toBe(12);
    expect(after.duplicatesRefused - before.counters.duplicatesRefused).toBe(1);
  });

  it('refuses a file that is not its template with 400', async () => {
    const cases: Array<[Buffer, string]> = [
      [
        await buildRoster(TITLE, [], { sheetName: 'Sheet1' }),
        '未找到工作表“兵役登记花名册”，请使用兵役登记花名册模板',
      ],
      [await buildRoster('花名册', []), '第1行标题应为“<社区名称>兵役登记花名册”'],
      [
        await buildRoster(TITLE, [], {
          headers: ROSTER_HEADERS.map((h) => (h === '出生年月' ? '出生日期' : h)),
        }),
        `第2行表头与模板不符，应为：${ROSTER_HEADERS.join('、')}`,
      ],
      [Buffer.from('序号,姓名\n1,张三\n'), '文件不是有效的Excel(xlsx)文件，请使用兵役登记花名册模板'],
    ];
    for (const [file, message] of cases)
      expect(await upload(file)).toEqual({ status: 400, body: { message } });
    expect((await upload(await buildRoster(TITLE, []), AUTH, 'roster')).status).toBe(400);
  });

  it('takes the registration year from its own clock', async () => {
    await sim.clock(SLUG, '2027-01-10T09:00:00+08:00');
    try {
      const late: RosterRow = [
        '蒋一鸣',
        '320402200403150317',
        '2004.03',
        '大学本科',
        '群众',
        '',
        '常州市',
        '常州市天宁区',
        '变更登记',
      ];
      expect((await uploadRows([late])).rejected).toEqual([
        { row: 3, reason: '年龄不符：2027年12月31日应满18至22周岁（实际23周岁）' },
      ]);
    } finally {
      await sim.clock(SLUG, '2026-06-15T10:00:00+08:00');
    }
  });

  it('shows registrations taken at its own counter in the export', async () => {
    const walkIn = {
      姓名: '韩立',
      公民身份号码: '320402200811150017',
      出生年月: '2008.11',
      文化程度: '高中',
      政治面貌: '共青团员',
      联系电话: '',
      户籍地: '常州市天宁区',
      现居住地: '常州市天宁区丽华新村2-3-401',
      社区: '丽华社区',
    };
    await sim.simulate(SLUG, 'register', walkIn);
    const roster = await exported('?community=丽华社区');
    expect(roster.title).toBe('丽华社区兵役登记花名册');
    expect(roster.rows).toEqual([
      [
        '1',
        '韩立',
        '320402200811150017',
        '2008.11',
        '高中',
        '共青团员',
        '',
        '常州市天宁区',
        '常州市天宁区丽华新村2-3-401',
        '初次登记',
      ],
    ]);
    await sim.simulate(SLUG, 'cancel', walkIn);
    expect((await exported('?community=丽华社区')).rows).toEqual([]);
    await expect(sim.simulate(SLUG, 'cancel', walkIn)).rejects.toThrow('未找到该公民的兵役登记信息');
  });

  it('answers in its own error format when failing', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    try {
      const res = await fetch(`${base}/byd/roster/export`, { headers: { authorization: AUTH } });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ message: '兵役登记系统繁忙，请稍后再试' });
    } finally {
      await sim.faults(SLUG, { errorRate: 0 });
    }
  });
});
