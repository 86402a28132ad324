import { startApi, type ApiHarness } from '../support/api-app';
import { person, yearsAgo } from '../support/households';

/** 户务: a new 户主 among the members, and a whole household moving away in one change. */
describe('household changes: 变更户主 and 整户迁出', () => {
  let h: ApiHarness;

  async function register(): Promise<{ id: string; members: string[] }> {
    const res = await h.http
      .post('/api/households')
      .auth(h.tokens.worker, { type: 'bearer' })
      .send({
        type: 'family',
        address: {
          estate: '青龙苑',
          building: '21',
          unit: '1',
          room: String(100 + Math.floor(Math.random() * 800)),
        },
        members: [
          person('吕大山', '02', 60, '1'),
          person('吕周氏', '10', 58, '2'),
          person('吕小雨', '30', 2, '2'),
        ],
      });
    expect(res.status).toBe(201);
    return { id: res.body.id, members: (res.body.members as Array<{ id: string }>).map((m) => m.id) };
  }

  const put = (path: string, body: object, token = h.tokens.worker) =>
    h.http.put(path).auth(token, { type: 'bearer' }).send(body);
  const post = (path: string, body: object, token = h.tokens.worker) =>
    h.http.post(path).auth(token, { type: 'bearer' }).send(body);
  const version = async (table: string, id: string): Promise<number> =>
    (await h.db.query(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0].version;

  beforeAll(async () => {
    h = await startApi('household_changes');
  });
  afterAll(() => h.close());

  it('makes a member the 户主; the former head takes the relation given', async () => {
    const { id, members } = await register();
    const res = await put(`/api/households/${id}/head`, { residentId: members[1], formerHeadRelation: '10' });
    expect(res.status).toBe(200);
    const rows: Array<{ resident_id: string; relation: string }> = await h.db.query(
      `SELECT resident_id, relation FROM household_member WHERE household_id = $1 ORDER BY relation`,
      [id],
    );
    expect(rows).toEqual([
      { resident_id: members[1], relation: '02' },
      { resident_id: members[0], relation: '10' },
      { resident_id: members[2], relation: '30' },
    ]);
    const [hh] = await h.db.query(`SELECT head_resident_id, version FROM household WHERE id = $1`, [id]);
    expect(hh).toEqual({ head_resident_id: members[1], version: 2 });
  });

  it.each([
    [
      'someone not in the household',
      (_m: string[]) => ({ residentId: 'a2f1c0de-0000-4000-8000-000000000000', formerHeadRelation: '10' }),
      'residentId',
      '新户主须是本户现有成员',
    ],
    ['who is the head already', (m: string[]) => ({ residentId: m[0] }), 'residentId', '该成员已是户主'],
    [
      'no relation for the former head',
      (m: string[]) => ({ residentId: m[1] }),
      'formerHeadRelation',
      '请填写原户主与新户主的关系',
    ],
    [
      'a second 户主',
      (m: string[]) => ({ residentId: m[1], formerHeadRelation: '02' }),
      'formerHeadRelation',
      '一户只能有一位户主',
    ],
  ])('refuses a new head %s, naming the field, and changes nothing', async (_, body, field, message) => {
    const { id, members } = await register();
    const res = await put(`/api/households/${id}/head`, body(members));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field, message }]);
    expect(await version('household', id)).toBe(1);
  });

  it('moves the whole household out in one change, with where to and why on every version', async () => {
    const { id, members } = await register();
    const date = yearsAgo(0, '01-02');
    const res = await post(`/api/households/${id}/move-out`, {
      date,
      destination: '江苏省苏州市姑苏区',
      reason: '投靠子女',
    });
    expect(res.status).toBe(200);
    const moved: Array<{ residence_status: string; moved_out_on: string; reason: string }> = await h.db.query(
      `SELECT r.residence_status, r.moved_out_on::text, v.reason FROM resident r
         JOIN resident_version v ON v.resident_id = r.id AND v.version = r.version
        WHERE r.id = ANY($1)`,
      [members],
    );
    expect(moved).toEqual(
      Array(3).fill({
        residence_status: 'moved_out',
        moved_out_on: date,
        reason: '迁往江苏省苏州市姑苏区：投靠子女',
      }),
    );
    const [hh] = await h.db.query(`SELECT status FROM household WHERE id = $1`, [id]);
    expect(hh.status).toBe('dissolved');
    const events = await h.db.query(
      `SELECT kind FROM outbox_event WHERE kind = 'household.moved-out' AND subjects @> $1`,
      [JSON.stringify([{ type: 'household', id }])],
    );
    expect(events).toHaveLength(1);

    const again = await post(`/api/households/${id}/move-out`, { date, destination: '江苏省苏州市姑苏区' });
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([{ field: 'date', message: '该户已注销' }]);
  });

  it('refuses a move-out dated before a member was born, or without a destination, and changes nothing', async () => {
    const { id, members } = await register();
    const early = await post(`/api/households/${id}/move-out`, { date: yearsAgo(5), destination: '南京市' });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([{ field: 'date', message: '迁出日期不能早于成员的出生日期' }]);
    const nowhere = await post(`/api/households/${id}/move-out`, { date: yearsAgo(0, '01-02') });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.errors[0].field).toBe('destination');
    expect(await version('household', id)).toBe(1);
    expect(await version('resident', members[2])).toBe(1);
  });

  it('keeps another community’s worker out (404)', async () => {
    const { id, members } = await register();
    const res = await put(
      `/api/households/${id}/head`,
      { residentId: members[1], formerHeadRelation: '10' },
      h.tokens.neighbour,
    );
    expect(res.status).toBe(404);
    const out = await post(
      `/api/households/${id}/move-out`,
      { date: yearsAgo(0, '01-02'), destination: '南京市' },
      h.tokens.neighbour,
    );
    expect(out.status).toBe(404);
  });
});
