import { familyOfFour } from '../support/households';
import { startApi, type ApiHarness } from '../support/api-app';

describe('Registering a household in one request', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApi('register');
  });
  afterAll(() => h.close());

  it('creates the household and its four members at version 1 with history, in one outbox event', async () => {
    const body = familyOfFour();
    const res = await h.http.post('/api/households').auth(h.tokens.worker, { type: 'bearer' }).send(body);
    expect(res.status).toBe(201);
    expect(res.body.members).toHaveLength(4);

    for (const [i, member] of (res.body.members as Array<{ id: string }>).entries()) {
      const read = await h.http.get(`/api/residents/${member.id}`).auth(h.tokens.worker, { type: 'bearer' });
      expect(read.status).toBe(200);
      expect(read.body.version).toBe(1);
      expect(read.body.idNumber).toBe((body.members as Array<{ idNumber: string }>)[i].idNumber);
      expect(read.body.history).toHaveLength(1);
      expect(read.body.history[0]).toMatchObject({
        version: 1,
        changeKind: 'household.registered',
        source: 'community',
      });
      expect(read.body.fieldSources.name).toMatchObject({ source: 'community' });
    }
    const household = await h.http
      .get(`/api/households/${res.body.id}`)
      .auth(h.tokens.worker, { type: 'bearer' });
    expect(household.body).toMatchObject({
      version: 1,
      type: 'family',
      assistance: { type: 'dibao', amount: '1200.00' },
    });
    expect(
      household.body.members.map((m: { household: { relation: string } }) => m.household.relation),
    ).toEqual(['02', '10', '20', '30']);
    expect(household.body.members[0].disability).toMatchObject({ type: '4', grade: '2' });

    const events = await h.db.query(`SELECT kind, subjects FROM outbox_event`);
    expect(events).toHaveLength(1);
    expect(events[0].kind).toBe('household.registered');
    expect(events[0].subjects).toHaveLength(5);
    expect(JSON.stringify(events[0].subjects)).not.toMatch(/王建国|\d{17}[\dX]/);
    const audits = await h.db.query(
      `SELECT action, before, after FROM audit_log WHERE action = 'household.registered'`,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0].before).toEqual({});
    expect(Object.keys(audits[0].after)).toHaveLength(5);
  });

  it('writes one more version, history row, audit row and outbox event for each later change', async () => {
    const created = await h.http
      .post('/api/households')
      .auth(h.tokens.worker, { type: 'bearer' })
      .send(familyOfFour());
    const head = created.body.members[0].id as string;
    const before = await h.db.query(`SELECT count(*)::int AS n FROM outbox_event`);
    const changed = await h.http
      .patch(`/api/residents/${head}`)
      .auth(h.tokens.worker, { type: 'bearer' })
      .send({ phone: '13900001111', expectedVersion: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(2);
    const after = await h.db.query(`SELECT count(*)::int AS n FROM outbox_event`);
    expect(after[0].n - before[0].n).toBe(1);
    const read = await h.http.get(`/api/residents/${head}`).auth(h.tokens.worker, { type: 'bearer' });
    expect(read.body.history.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(read.body.history[1].changes).toEqual([
      { field: 'phone', before: '13812345678', after: '13900001111' },
    ]);

    const stale = await h.http
      .patch(`/api/residents/${head}`)
      .auth(h.tokens.worker, { type: 'bearer' })
      .send({ phone: '13900002222', expectedVersion: 1 });
    expect(stale.status).toBe(409);
  });

  it('refuses a person already recorded, naming their community and a masked number', async () => {
    const first = familyOfFour();
    await h.http.post('/api/households').auth(h.tokens.worker, { type: 'bearer' }).send(first).expect(201);
    const again = familyOfFour();
    const known = (first.members as Array<{ idNumber: string }>)[2].idNumber;
    (again.members as Array<{ idNumber: string }>)[1].idNumber = known;
    (again.members as Array<Record<string, unknown>>)[1].birthDate = (
      first.members as Array<Record<string, unknown>>
    )[2].birthDate;
    (again.members as Array<Record<string, unknown>>)[1].gender = '1';
    const res = await h.http.post('/api/households').auth(h.tokens.neighbour, { type: 'bearer' }).send(again);
    expect(res.status).toBe(409);
    expect(res.body.errors[0].field).toBe('members[1].idNumber');
    expect(res.body.errors[0].message).toContain('青龙苑社区');
    expect(res.body.errors[0].message).toContain(`${known.slice(0, 6)}********${known.slice(14)}`);
    expect(JSON.stringify(res.body)).not.toContain(known);
  });
});
