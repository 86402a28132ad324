import type { Response } from 'supertest';
import { HOME, NEIGHBOUR, startApi, type ApiHarness } from '../support/api-app';
import { brokenFamily, familyOfFour, idFor, person, type Members } from '../support/households';

type Role = keyof ApiHarness['tokens'];
type Subject = { type: 'resident' | 'household'; id: string; version: number };
type OutboxRow = { id: string; kind: string; subjects: Subject[] };

const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const bySubject = (a: Subject, b: Subject) => `${a.type}:${a.id}`.localeCompare(`${b.type}:${b.id}`);

describe('Life events through the API', () => {
  let h: ApiHarness;

  const get = (as: Role, path: string) => h.http.get(path).auth(h.tokens[as], { type: 'bearer' });
  const resident = async (id: string, as: Role = 'worker') => (await get(as, `/api/residents/${id}`)).body;
  const household = async (id: string, as: Role = 'worker') => (await get(as, `/api/households/${id}`)).body;
  const lastOutboxId = async (): Promise<string> =>
    String((await h.db.query(`SELECT COALESCE(max(id), 0)::text AS id FROM outbox_event`))[0].id);

  /** Sends one change and returns its answer with the outbox events it wrote. */
  const change = async (
    as: Role,
    method: 'post' | 'patch' | 'put' | 'delete',
    path: string,
    body?: object,
  ): Promise<{ res: Response; events: OutboxRow[] }> => {
    const mark = await lastOutboxId();
    const req = h.http[method](path).auth(h.tokens[as], { type: 'bearer' });
    const res = await (body ? req.send(body) : req);
    const events: OutboxRow[] = await h.db.query(
      `SELECT id::text AS id, kind, subjects FROM outbox_event WHERE id > $1 ORDER BY id`,
      [mark],
    );
    return { res, events };
  };

  /** The household's other members: a change to the member list gives each a new version. */
  const membersAt = (ids: string[], version = 2): Subject[] =>
    ids.map((id) => ({ type: 'resident', id, version }));

  /** Exactly one event, the one the answer names, with exactly these subjects. */
  const expectOneEvent = (res: Response, events: OutboxRow[], kind: string, subjects: Subject[]) => {
    expect(
      events.map((e) => ({ id: e.id, kind: e.kind, subjects: [...e.subjects].sort(bySubject) })),
    ).toEqual([{ id: String(res.body.eventId), kind, subjects: [...subjects].sort(bySubject) }]);
  };

  const register = async (body: Record<string, unknown>, as: Role = 'worker') => {
    const res = await h.http.post('/api/households').auth(h.tokens[as], { type: 'bearer' }).send(body);
    if (res.status !== 201) throw new Error(`household refused: ${res.status} ${JSON.stringify(res.body)}`);
    return {
      id: res.body.id as string,
      members: (res.body.members as Array<{ id: string }>).map((m) => m.id),
      body: body.members as Members,
    };
  };

  beforeAll(async () => {
    h = await startApi('life');
  });
  afterAll(() => h.close());

  it('birth: a new member at version 1, the household one version up, the child readable', async () => {
    const family = await register(familyOfFour());
    const birthDate = daysAgo(20);
    const child = { ...person('王小宝', '30', 0, '2'), birthDate, idNumber: idFor(birthDate, '2') };

    const { res, events } = await change('worker', 'post', `/api/households/${family.id}/births`, child);

    expect(res.status).toBe(201);
    expect(res.body.version).toBe(1);
    const childId = res.body.id as string;
    expectOneEvent(res, events, 'resident.born', [
      { type: 'resident', id: childId, version: 1 },
      { type: 'household', id: family.id, version: 2 },
      ...membersAt(family.members),
    ]);
    const read = await resident(childId);
    expect(read).toMatchObject({ name: '王小宝', birthDate, household: { id: family.id, relation: '30' } });
    expect(read.history.map((v: { changeKind: string }) => v.changeKind)).toEqual(['resident.born']);
    const hh = await household(family.id);
    expect(hh.version).toBe(2);
    expect(hh.members.map((m: { id: string }) => m.id)).toEqual([...family.members, childId]);
    expect(hh.history.map((v: { changeKind: string }) => v.changeKind)).toEqual([
      'household.registered',
      'resident.born',
    ]);
  });

  it('add member: someone registered here for the first time joins the household', async () => {
    const family = await register(familyOfFour());
    const { res, events } = await change(
      'worker',
      'post',
      `/api/households/${family.id}/members`,
      person('赵桂兰', '99', 58, '2'),
    );

    expect(res.status).toBe(201);
    expectOneEvent(res, events, 'household.member-added', [
      { type: 'resident', id: res.body.id, version: 1 },
      { type: 'household', id: family.id, version: 2 },
      ...membersAt(family.members),
    ]);
    expect((await resident(res.body.id)).household).toEqual({ id: family.id, relation: '99' });
    expect((await household(family.id)).members).toHaveLength(5);
  });

  it('move-in: a person of another community moves in by ID number and leaves their old scope', async () => {
    const theirs = await register(familyOfFour(), 'neighbour');
    const ours = await register(familyOfFour());
    const mover = theirs.members[2];
    expect((await resident(mover, 'neighbour')).communityCode).toBe(NEIGHBOUR);
    expect((await get('worker', `/api/residents/${mover}`)).status).toBe(404);

    const { res, events } = await change('worker', 'post', `/api/households/${ours.id}/move-ins`, {
      idNumber: theirs.body[2].idNumber,
      relation: '20',
      date: daysAgo(1),
    });

    expect(res.status).toBe(201);
    expect(res.body.id).toBe(mover);
    expectOneEvent(res, events, 'resident.moved-in', [
      { type: 'resident', id: mover, version: 2 },
      { type: 'household', id: theirs.id, version: 2 },
      { type: 'household', id: ours.id, version: 2 },
      ...membersAt(theirs.members.filter((id) => id !== mover)),
      ...membersAt(ours.members),
    ]);
    const moved = await resident(mover);
    expect(moved).toMatchObject({
      version: 2,
      communityCode: HOME,
      household: { id: ours.id, relation: '20' },
    });
    expect(moved.history.map((v: { changeKind: string }) => v.changeKind)).toEqual([
      'household.registered',
      'resident.moved-in',
    ]);
    const old = await household(theirs.id, 'neighbour');
    expect(old.version).toBe(2);
    expect(old.members.map((m: { id: string }) => m.id)).toEqual(theirs.members.filter((id) => id !== mover));
    const [oldVersion] = await h.db.query(
      `SELECT state->'members' AS members FROM household_version WHERE household_id = $1 AND version = 2`,
      [theirs.id],
    );
    expect(oldVersion.members.map((m: { residentId: string }) => m.residentId)).toEqual(
      theirs.members.filter((id) => id !== mover),
    );
    expect((await household(ours.id)).members.map((m: { id: string }) => m.id)).toContain(mover);
    expect((await get('neighbour', `/api/residents/${mover}`)).status).toBe(404);
  });

  it('death: life status and date, membership ended, the household one version up', async () => {
    const family = await register(familyOfFour());
    const grandchild = family.members[3];
    const date = daysAgo(4);

    const { res, events } = await change('worker', 'post', `/api/residents/${grandchild}/death`, { date });

    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    expectOneEvent(res, events, 'resident.died', [
      { type: 'resident', id: grandchild, version: 2 },
      { type: 'household', id: family.id, version: 2 },
      ...membersAt(family.members.filter((id) => id !== grandchild)),
    ]);
    const read = await resident(grandchild);
    expect(read).toMatchObject({ lifeStatus: 'deceased', deathDate: date, household: null });
    expect(read.history.at(-1)).toMatchObject({ version: 2, changeKind: 'resident.died' });
    const hh = await household(family.id);
    expect(hh.members.map((m: { id: string }) => m.id)).toEqual(family.members.slice(0, 3));
    expect(hh.headResidentId).toBe(family.members[0]);
    const [membership] = await h.db.query(
      `SELECT left_on::text, left_reason FROM household_member WHERE resident_id = $1`,
      [grandchild],
    );
    expect(membership).toEqual({ left_on: date, left_reason: 'deceased' });
  });

  it('death of the head clears the head of the household', async () => {
    const family = await register(familyOfFour());
    const { res, events } = await change('worker', 'post', `/api/residents/${family.members[0]}/death`, {
      date: daysAgo(2),
    });

    expect(res.status).toBe(200);
    expectOneEvent(res, events, 'resident.died', [
      { type: 'resident', id: family.members[0], version: 2 },
      { type: 'household', id: family.id, version: 2 },
      ...membersAt(family.members.slice(1)),
    ]);
    const hh = await household(family.id);
    expect(hh).toMatchObject({ version: 2, headResidentId: null });
    expect(hh.members).toHaveLength(3);
  });

  it('move-out: residence status and date, membership ended, the household one version up', async () => {
    const family = await register(familyOfFour());
    const leaver = family.members[2];
    const date = daysAgo(6);

    const { res, events } = await change('worker', 'post', `/api/residents/${leaver}/move-out`, { date });

    expect(res.status).toBe(200);
    expectOneEvent(res, events, 'resident.moved-out', [
      { type: 'resident', id: leaver, version: 2 },
      { type: 'household', id: family.id, version: 2 },
      ...membersAt(family.members.filter((id) => id !== leaver)),
    ]);
    expect(await resident(leaver)).toMatchObject({
      residenceStatus: 'moved_out',
      movedOutOn: date,
      household: null,
    });
    expect((await household(family.id)).members).toHaveLength(3);
    const search = await get('worker', '/api/residents').query({ q: family.body[2].idNumber as string });
    expect(search.body.total).toBe(0);
    const inactive = await get('worker', '/api/residents').query({
      q: family.body[2].idNumber as string,
      includeInactive: 'true',
    });
    expect(inactive.body.items.map((r: { id: string }) => r.id)).toEqual([leaver]);
  });

  it('change of address: only the resident changes', async () => {
    const family = await register(familyOfFour());
    const who = family.members[1];
    const { res, events } = await change('worker', 'post', `/api/residents/${who}/address`, {
      address: { estate: '翠竹苑', building: '7', unit: '1', room: '302' },
    });

    expect(res.status).toBe(200);
    expectOneEvent(res, events, 'resident.address-changed', [{ type: 'resident', id: who, version: 2 }]);
    const read = await resident(who);
    expect(read.currentAddress.text).toBe('翠竹苑7幢1单元302室');
    expect(read.history.at(-1).changes.map((c: { field: string }) => c.field)).toEqual([
      'current_address_id',
    ]);
    expect((await household(family.id)).version).toBe(1);
  });

  it('marriage with a spouse: both get a new version, in one event', async () => {
    const family = await register(
      brokenFamily((b) => {
        b.members = [
          person('周建华', '02', 45, '1', { maritalStatus: '10' }),
          person('吴丽', '99', 40, '2', { maritalStatus: '40' }),
        ];
        delete b.assistance;
      }),
    );
    const [groom, bride] = family.members;

    const { res, events } = await change('worker', 'post', `/api/residents/${groom}/marriage`, {
      maritalStatus: '20',
      spouseId: bride,
    });

    expect(res.status).toBe(200);
    expectOneEvent(res, events, 'resident.marital-status-changed', [
      { type: 'resident', id: groom, version: 2 },
      { type: 'resident', id: bride, version: 2 },
    ]);
    for (const id of [groom, bride]) {
      const read = await resident(id);
      expect(read).toMatchObject({ version: 2, maritalStatus: '20' });
      expect(read.history.at(-1)).toMatchObject({ changeKind: 'resident.marital-status-changed' });
    }
  });

  it('disability: start then end, a version and an event each', async () => {
    const family = await register(familyOfFour());
    const who = family.members[1];
    const idNumber = family.body[1].idNumber as string;

    const started = await change('worker', 'put', `/api/residents/${who}/tags/disability`, {
      type: '2',
      grade: '3',
    });
    expect(started.res.status).toBe(200);
    expectOneEvent(started.res, started.events, 'resident.tag-started.disability', [
      { type: 'resident', id: who, version: 2 },
    ]);
    expect((await resident(who)).disability).toEqual({
      type: '2',
      grade: '3',
      certificateNo: `${idNumber}23`,
    });

    const ended = await change('worker', 'delete', `/api/residents/${who}/tags/disability`);
    expect(ended.res.status).toBe(200);
    expectOneEvent(ended.res, ended.events, 'resident.tag-ended.disability', [
      { type: 'resident', id: who, version: 3 },
    ]);
    const read = await resident(who);
    expect(read.disability).toBeNull();
    expect(read.history.map((v: { changeKind: string }) => v.changeKind)).toEqual([
      'household.registered',
      'resident.tag-started.disability',
      'resident.tag-ended.disability',
    ]);
  });

  it('a household-wide status and a member’s death at the same moment both succeed', async () => {
    // They lock the household's rows in opposite orders; a deadlock PostgreSQL breaks is re-run.
    const families = await Promise.all(
      Array.from({ length: 6 }, () => register(brokenFamily((b) => delete b.assistance))),
    );
    const answers = await Promise.all(
      families.flatMap((family) => [
        h.http
          .put(`/api/households/${family.id}/assistance`)
          .auth(h.tokens.worker, { type: 'bearer' })
          .send({ type: 'dibao', amount: 700, approvedOn: '2026-01-05' }),
        h.http
          .post(`/api/residents/${family.members[3]}/death`)
          .auth(h.tokens.worker, { type: 'bearer' })
          .send({ date: daysAgo(1) }),
      ]),
    );
    expect(answers.map((a) => a.status)).toEqual(families.flatMap(() => [200, 200]));
  });

  it('assistance: start then end on the household', async () => {
    const family = await register(brokenFamily((b) => delete b.assistance));

    const started = await change('worker', 'put', `/api/households/${family.id}/assistance`, {
      type: 'dibao_edge',
      amount: 800,
      approvedOn: '2026-01-05',
    });
    expect(started.res.status).toBe(200);
    // Each member's own record shows the household's assistance (the grid's 低保户 tag): they change too.
    const members = (version: number) =>
      family.members.map((id) => ({ type: 'resident' as const, id, version }));
    expectOneEvent(started.res, started.events, 'household.tag-started.assistance', [
      { type: 'household', id: family.id, version: 2 },
      ...members(2),
    ]);
    expect((await household(family.id)).assistance).toEqual({
      type: 'dibao_edge',
      amount: '800.00',
      approvedOn: '2026-01-05',
    });

    const ended = await change('worker', 'delete', `/api/households/${family.id}/assistance`);
    expect(ended.res.status).toBe(200);
    expectOneEvent(ended.res, ended.events, 'household.tag-ended.assistance', [
      { type: 'household', id: family.id, version: 3 },
      ...members(3),
    ]);
    const hh = await household(family.id);
    expect(hh).toMatchObject({ version: 3, assistance: null });
    expect(hh.history.map((v: { changeKind: string }) => v.changeKind)).toEqual([
      'household.registered',
      'household.tag-started.assistance',
      'household.tag-ended.assistance',
    ]);
  });

  it('corrections: set by the admin, refused (403) to a worker without the permission', async () => {
    const family = await register(familyOfFour());
    const who = family.members[2];
    const tag = { type: '2', start: '2026-02-01', end: '2028-01-31' };

    const refused = await change('worker', 'put', `/api/residents/${who}/tags/corrections`, tag);
    expect(refused.res.status).toBe(403);
    expect(refused.res.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(refused.events).toEqual([]);

    const { res, events } = await change('admin', 'put', `/api/residents/${who}/tags/corrections`, tag);
    expect(res.status).toBe(200);
    expectOneEvent(res, events, 'resident.tag-started.corrections', [
      { type: 'resident', id: who, version: 2 },
    ]);
    const read = await resident(who, 'admin');
    expect(read.corrections).toEqual(tag);
    expect(read.history.at(-1)).toMatchObject({ changeKind: 'resident.tag-started.corrections' });
    expect(await resident(who)).not.toHaveProperty('corrections');
  });

  it('search within scope by name, ID number prefix and pinyin initials', async () => {
    const family = await register(brokenFamily((_, m) => (m[1] = person('张伟', '10', 36, '1'))));
    const zhang = family.members[1];
    const idNumber = family.body[1].idNumber as string;
    const found = async (as: Role, q: string) =>
      (await get(as, '/api/residents').query({ q })).body.items.map((r: { id: string }) => r.id) as string[];

    expect(await found('worker', '张伟')).toEqual([zhang]);
    expect(await found('worker', 'zw')).toContain(zhang);
    expect(await found('worker', 'ZW')).toContain(zhang);
    expect(await found('worker', 'zhangwei')).toContain(zhang);
    expect(await found('worker', idNumber.slice(0, 14))).toContain(zhang);
    expect(await found('worker', idNumber)).toEqual([zhang]);
    expect(await found('supervisor', '张伟')).toEqual([zhang]);
    expect(await found('neighbour', '张伟')).toEqual([]);
    expect(await found('neighbour', 'zw')).toEqual([]);
    expect(await found('neighbour', idNumber)).toEqual([]);
    const item = (await get('worker', '/api/residents').query({ q: '张伟' })).body.items[0];
    expect(item.idNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
  });

  it('a change that changes nothing is refused (400) and writes nothing', async () => {
    const family = await register(familyOfFour());
    const head = family.members[0];

    const same = await change('worker', 'patch', `/api/residents/${head}`, {
      phone: '13812345678',
      name: '王建国',
    });
    expect(same.res.status).toBe(400);
    expect(same.res.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(same.events).toEqual([]);

    const sameTag = await change('worker', 'put', `/api/residents/${head}/tags/disability`, {
      type: '4',
      grade: '2',
    });
    expect(sameTag.res.status).toBe(400);
    expect(sameTag.events).toEqual([]);
    expect((await resident(head)).version).toBe(1);
  });
});
