import { person } from '../support/households';
import { drained, eventually, registerHousehold, startHub, type Hub, type Rec } from '../delivery/harness';

const MILITIA = 'militia-conscription';

/**
 * 待办: the worker's list of what departments refused (with the fix in words and where to make
 * it), what waits for the police, and what waits for a decision; scoped to the community.
 */
describe('The worker’s to-do list', () => {
  let hub: Hub;
  let youthId: string;

  const todo = async (token = hub.h.tokens.worker): Promise<Rec> => {
    const res = await hub.h.http.get('/api/todo').auth(token, { type: 'bearer' });
    expect(res.status).toBe(200);
    return res.body as Rec;
  };
  const refusedFor = async (residentId: string, token?: string): Promise<Rec[]> =>
    ((await todo(token)).refused as Rec[]).filter(
      (r) => (r.subject as Rec).id === residentId && r.system === MILITIA,
    );

  beforeAll(async () => {
    hub = await startHub('todo');
    // A man of 19 with no 文化程度: the militia's roster requires one and refuses the line.
    const family = await registerHousehold(hub.h, {
      type: 'family',
      address: { estate: '青龙苑', building: '21', unit: '1', room: '101' },
      members: [
        person('陈国强', '02', 48, '1', { employmentStatus: '1', education: '40' }),
        person('陈立', '20', 19, '1', { politicalStatus: '13', employmentStatus: '5' }),
      ],
    });
    youthId = family.members[1].id;
    await drained(hub.h);
  });
  afterAll(() => hub?.close());

  it('lists the militia’s refusal with the department’s words, the fix and where to make it', async () => {
    const [item] = await refusedFor(youthId);
    expect(item).toMatchObject({
      system: MILITIA,
      systemName: '人武部 兵役登记信息系统',
      subject: { type: 'resident', id: youthId, name: '陈立' },
      fix: { action: 'details', hint: '补录或更正文化程度后自动重新发送' },
    });
    expect(String(item.message)).toContain('文化程度');
  });

  it('is the community’s own: a neighbouring community’s worker neither sees nor re-sends it', async () => {
    expect(await refusedFor(youthId, hub.h.tokens.neighbour)).toEqual([]);
    const [item] = await refusedFor(youthId);
    const res = await hub.h.http
      .post(`/api/todo/refused/${String(item.id)}/resend`)
      .auth(hub.h.tokens.neighbour, { type: 'bearer' });
    expect(res.status).toBe(404);
    const bad = await hub.h.http
      .post('/api/todo/refused/abc/resend')
      .auth(hub.h.tokens.worker, { type: 'bearer' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('待办事项编号应为正整数');
  });

  it('re-sending unfixed data is refused again and stays on the list', async () => {
    const [item] = await refusedFor(youthId);
    const [before]: Rec[] = await hub.h.db.query(`SELECT attempts FROM delivery WHERE id = $1`, [item.id]);
    const res = await hub.h.http
      .post(`/api/todo/refused/${String(item.id)}/resend`)
      .auth(hub.h.tokens.worker, { type: 'bearer' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ retried: 1 });
    await eventually('the second refusal', async () => {
      const [row]: Rec[] = await hub.h.db.query(`SELECT status, attempts FROM delivery WHERE id = $1`, [
        item.id,
      ]);
      return row.status === 'failed' && Number(row.attempts) > Number(before.attempts) ? row : undefined;
    });
    expect(await refusedFor(youthId)).toHaveLength(1);
  });

  it('fixing the 文化程度 sends him again; the militia registers him and the item is gone', async () => {
    const current = (
      await hub.h.http.get(`/api/residents/${youthId}`).auth(hub.h.tokens.worker, {
        type: 'bearer',
      })
    ).body as Rec;
    const res = await hub.h.http
      .patch(`/api/residents/${youthId}`)
      .auth(hub.h.tokens.worker, { type: 'bearer' })
      .send({ education: '70', expectedVersion: current.version });
    expect(res.status).toBe(200);
    await drained(hub.h);
    expect(await refusedFor(youthId)).toEqual([]);
    const roster = await hub.sim.records<Rec>(MILITIA);
    expect(roster.filter((r) => r.姓名 === '陈立')).toHaveLength(1);
  });

  it('counts the decisions waiting in the community', async () => {
    const list = await todo();
    expect(list).toMatchObject({ reviews: expect.any(Number), findings: expect.any(Number) });
    const [{ reviews }]: Array<{ reviews: number }> = await hub.h.db.query(
      `SELECT count(*)::int AS reviews FROM match_review WHERE status = 'pending' AND community_code = '320402002001'`,
    );
    expect(list.reviews).toBe(reviews);
  });
});
