import { startApi, type ApiHarness } from '../support/api-app';
import { person } from '../support/households';

/** Today in Beijing. */
const today = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** 分户 and 合户: members form a household of their own, or a household joins another. */
describe('household changes: 分户 and 合户', () => {
  let h: ApiHarness;
  let room = 100;

  async function register(members: object[], extra: object = {}): Promise<{ id: string; members: string[] }> {
    room += 1;
    const res = await h.http
      .post('/api/households')
      .auth(h.tokens.worker, { type: 'bearer' })
      .send({
        type: 'family',
        address: { estate: '翠竹新村', building: '5', unit: '1', room: String(room) },
        members,
        ...extra,
      });
    expect(res.status).toBe(201);
    return { id: res.body.id, members: (res.body.members as Array<{ id: string }>).map((m) => m.id) };
  }
  const family = () =>
    register([
      person('郑国华', '02', 55, '1'),
      person('郑李氏', '10', 53, '2'),
      person('郑磊', '20', 28, '1'),
      person('郑磊妻', '28', 27, '2'),
    ]);
  const post = (path: string, body: object, token = h.tokens.worker) =>
    h.http.post(path).auth(token, { type: 'bearer' }).send(body);
  const membersOf = async (householdId: string): Promise<Array<{ resident_id: string; relation: string }>> =>
    h.db.query(
      `SELECT resident_id, relation FROM household_member WHERE household_id = $1 AND left_on IS NULL ORDER BY relation`,
      [householdId],
    );
  const counts = async () =>
    (
      await h.db.query(
        `SELECT (SELECT count(*)::int FROM household) AS households,
                (SELECT count(*)::int FROM household_member WHERE left_on IS NULL) AS members,
                (SELECT count(*)::int FROM outbox_event) AS events`,
      )
    )[0] as Record<string, number>;

  beforeAll(async () => {
    h = await startApi('household_restructure');
  });
  afterAll(() => h.close());

  it('分户: the son and his wife form a household at a new address; both households and all four get versions', async () => {
    const { id, members } = await family();
    const [, , son, daughterInLaw] = members;
    const res = await post(`/api/households/${id}/split`, {
      members: [
        { residentId: son, relation: '02' },
        { residentId: daughterInLaw, relation: '10' },
      ],
      address: { estate: '翠竹新村', building: '9', unit: '2', room: '302' },
      date: today(),
      reason: '成家分户',
    });
    expect(res.status).toBe(201);
    const newId = res.body.id as string;
    expect(await membersOf(newId)).toEqual([
      { resident_id: son, relation: '02' },
      { resident_id: daughterInLaw, relation: '10' },
    ]);
    expect((await membersOf(id)).map((m) => m.resident_id).sort()).toEqual([members[0], members[1]].sort());
    const [created] = await h.db.query(
      `SELECT h.head_resident_id, h.version, h.status, a.building, a.room FROM household h JOIN address a ON a.id = h.address_id WHERE h.id = $1`,
      [newId],
    );
    expect(created).toEqual({
      head_resident_id: son,
      version: 1,
      status: 'active',
      building: '9',
      room: '302',
    });
    const moved: Array<{ version: number; building: string }> = await h.db.query(
      `SELECT r.version, a.building FROM resident r JOIN address a ON a.id = r.current_address_id WHERE r.id = ANY($1)`,
      [[son, daughterInLaw]],
    );
    expect(moved).toEqual([
      { version: 2, building: '9' },
      { version: 2, building: '9' },
    ]);
    const [event] = await h.db.query(`SELECT kind, subjects FROM outbox_event ORDER BY id DESC LIMIT 1`);
    expect(event.kind).toBe('household.split');
    const touched = (event.subjects as Array<{ type: string; id: string }>)
      .map((s) => `${s.type}:${s.id}`)
      .sort();
    expect(touched).toEqual(
      [`household:${id}`, `household:${newId}`, ...members.map((m) => `resident:${m}`)].sort(),
    );
    const [version] = await h.db.query(
      `SELECT change_kind, reason FROM household_version WHERE household_id = $1 ORDER BY version DESC LIMIT 1`,
      [id],
    );
    expect(version).toEqual({ change_kind: 'household.split', reason: '成家分户' });
  });

  it.each([
    [
      'the head leaving',
      (m: string[]) => [{ residentId: m[0], relation: '02' }],
      '户主随分户离开时，请先为原户变更户主',
    ],
    [
      'everyone leaving',
      (m: string[]) => m.map((id, i) => ({ residentId: id, relation: i === 1 ? '02' : '20' })),
      '分户须在原户留下至少一人',
    ],
    [
      'no head for the new household',
      (m: string[]) => [{ residentId: m[2], relation: '20' }],
      '新户须有且只有一位户主',
    ],
    [
      'someone of another household',
      () => [{ residentId: '00000000-0000-4000-8000-000000000000', relation: '02' }],
      '分出成员须是本户现有成员',
    ],
  ])('分户 refuses %s, naming why, and changes nothing', async (_, members, message) => {
    const { id, members: ids } = await family();
    const before = await counts();
    const res = await post(`/api/households/${id}/split`, { members: members(ids), date: today() });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it('合户: the widowed grandmother’s household joins her son’s; hers closes', async () => {
    const { id, members } = await family();
    const grandma = await register([person('郑王氏', '02', 80, '2')]);
    const res = await post(`/api/households/${id}/merge`, {
      fromHouseholdId: grandma.id,
      relations: [{ residentId: grandma.members[0], relation: '52' }],
      date: today(),
    });
    expect(res.status).toBe(200);
    expect((await membersOf(id)).map((m) => m.resident_id).sort()).toEqual(
      [...members, grandma.members[0]].sort(),
    );
    const [closed] = await h.db.query(`SELECT status, head_resident_id FROM household WHERE id = $1`, [
      grandma.id,
    ]);
    expect(closed).toEqual({ status: 'dissolved', head_resident_id: null });
    const [lives] = await h.db.query(
      `SELECT r.current_address_id = h.address_id AS together FROM resident r, household h WHERE r.id = $1 AND h.id = $2`,
      [grandma.members[0], id],
    );
    expect(lives.together).toBe(true);
  });

  it.each([
    [
      'a household with 低保',
      { assistance: { type: 'dibao', amount: '800', approvedOn: '2025-01-01' } },
      '52',
      '请先由民政办理变更',
    ],
    ['a second 户主', {}, '02', '并入成员不能登记为户主'],
  ])('合户 refuses %s and changes nothing', async (_, extra, relation, message) => {
    const { id } = await family();
    const other = await register([person('冯老汉', '02', 79, '1')], extra);
    const before = await counts();
    const res = await post(`/api/households/${id}/merge`, {
      fromHouseholdId: other.id,
      relations: [{ residentId: other.members[0], relation }],
      date: today(),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it('合户 needs every joining member’s relation, and a neighbouring worker cannot merge this community’s households', async () => {
    const { id } = await family();
    const other = await register([person('冯大', '02', 50, '1'), person('冯二', '20', 20, '1')]);
    const partial = await post(`/api/households/${id}/merge`, {
      fromHouseholdId: other.id,
      relations: [{ residentId: other.members[0], relation: '20' }],
      date: today(),
    });
    expect(partial.status).toBe(400);
    expect(JSON.stringify(partial.body)).toContain('请为并入户的每位成员填写与本户户主的关系');
    const foreign = await post(
      `/api/households/${id}/merge`,
      {
        fromHouseholdId: other.id,
        relations: other.members.map((m) => ({ residentId: m, relation: '20' })),
        date: today(),
      },
      h.tokens.neighbour,
    );
    expect(foreign.status).toBe(404);
  });
});
