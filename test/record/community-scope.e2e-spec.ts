import { maskCitizenId, maskPhone, pinyinInitials } from '@hub/domain';
import { ELSEWHERE, NEIGHBOUR, startApi, type ApiHarness } from '../support/api-app';
import { familyOfFour, idFor, person, type Members } from '../support/households';

type Role = keyof ApiHarness['tokens'];
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

interface Foreign {
  householdId: string;
  residentIds: string[];
  names: string[];
  idNumbers: string[];
  phones: string[];
}

interface Call {
  name: string;
  method: Method;
  path: string;
  body?: object;
}

const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A household of the neighbouring community with names no one in HOME shares. */
function foreignFamily(): Record<string, unknown> {
  const member = (name: string, relation: string, birthDate: string, gender: '1' | '2', extra = {}) => ({
    ...person(name, relation, 0, gender, extra),
    birthDate,
    idNumber: idFor(birthDate, gender),
  });
  return {
    type: 'family',
    communityCode: NEIGHBOUR,
    address: { estate: '红梅新村', building: '12', unit: '1', room: '402' },
    assistance: { type: 'tekun', amount: '900', approvedOn: '2025-02-01' },
    members: [
      member('欧阳娜娜', '02', '1971-07-23', '2', {
        phone: '13755550123',
        disability: { type: '1', grade: '3' },
      }),
      member('司马光明', '10', '1975-11-02', '1', {
        phone: '13966667777',
        corrections: { type: '2', start: '2025-01-01', end: '2027-06-30' },
      }),
      member('慕容雪', '20', '2001-09-30', '2'),
    ],
  };
}

/** Every endpoint that reads or changes one resident or household, aimed at the given ids. */
function callsOn(residentId: string, householdId: string, someoneElsesId: string): Call[] {
  const r = `/api/residents/${residentId}`;
  const hh = `/api/households/${householdId}`;
  return [
    { name: 'read a resident', method: 'get', path: r },
    { name: 'read a household', method: 'get', path: hh },
    { name: 'change a resident', method: 'patch', path: r, body: { phone: '13900009999' } },
    { name: 'record a death', method: 'post', path: `${r}/death`, body: { date: daysAgo(3) } },
    { name: 'record a move-out', method: 'post', path: `${r}/move-out`, body: { date: daysAgo(3) } },
    {
      name: 'change the address',
      method: 'post',
      path: `${r}/address`,
      body: { address: { estate: '青龙苑', building: '9', room: '909' } },
    },
    { name: 'record a marriage', method: 'post', path: `${r}/marriage`, body: { maritalStatus: '40' } },
    {
      name: 'start a disability',
      method: 'put',
      path: `${r}/tags/disability`,
      body: { type: '4', grade: '1' },
    },
    {
      name: 'start corrections',
      method: 'put',
      path: `${r}/tags/corrections`,
      body: { type: '1', start: '2025-01-01', end: '2027-01-01' },
    },
    { name: 'set the living status', method: 'put', path: `${r}/tags/living`, body: { status: 'alone' } },
    { name: 'set the employment status', method: 'put', path: `${r}/tags/employment`, body: { status: '2' } },
    { name: 'set the pension status', method: 'put', path: `${r}/tags/pension`, body: { status: 'paying' } },
    { name: 'end a disability', method: 'delete', path: `${r}/tags/disability` },
    { name: 'end the living status', method: 'delete', path: `${r}/tags/living` },
    { name: 'add a member', method: 'post', path: `${hh}/members`, body: person('钱多多', '20', 30, '1') },
    {
      name: 'record a birth',
      method: 'post',
      path: `${hh}/births`,
      body: { ...person('钱小小', '30', 0, '2'), idNumber: undefined, birthDate: daysAgo(10) },
    },
    {
      name: 'move someone in',
      method: 'post',
      path: `${hh}/move-ins`,
      body: { idNumber: someoneElsesId, relation: '20' },
    },
    {
      name: 'start assistance',
      method: 'put',
      path: `${hh}/assistance`,
      body: { type: 'dibao', amount: '1000', approvedOn: '2025-03-01' },
    },
    { name: 'end assistance', method: 'delete', path: `${hh}/assistance` },
  ];
}

describe('Community scope on every resident endpoint', () => {
  let h: ApiHarness;
  let foreign: Foreign;
  let home: { householdId: string; residentIds: string[]; idNumbers: string[] };
  let elsewhereResidentId: string;

  const call = (as: Role, c: Call) => {
    const req = h.http[c.method](c.path).auth(h.tokens[as], { type: 'bearer' });
    return c.body ? req.send(c.body) : req;
  };

  /** Everything that would identify a foreign person, in full or in the shape the API masks it. */
  const leaks = (body: unknown, allowedIds: string[] = [], masked = true): string[] => {
    const text = JSON.stringify(body);
    const secrets = [
      ...foreign.names,
      ...foreign.idNumbers,
      ...foreign.phones,
      ...(masked ? [...foreign.idNumbers.map(maskCitizenId), ...foreign.phones.map(maskPhone)] : []),
      ...[foreign.householdId, ...foreign.residentIds].filter((id) => !allowedIds.includes(id)),
    ];
    return secrets.filter((s) => text.includes(s));
  };

  const outboxCount = async (): Promise<number> =>
    (await h.db.query(`SELECT count(*)::int AS n FROM outbox_event`))[0].n;

  beforeAll(async () => {
    h = await startApi('scope');
    const foreignBody = foreignFamily();
    const registered = await h.http
      .post('/api/households')
      .auth(h.tokens.admin, { type: 'bearer' })
      .send(foreignBody);
    if (registered.status !== 201)
      throw new Error(`foreign household refused: ${JSON.stringify(registered.body)}`);
    const members = foreignBody.members as Members;
    foreign = {
      householdId: registered.body.id,
      residentIds: registered.body.members.map((m: { id: string }) => m.id),
      names: members.map((m) => String(m.name)),
      idNumbers: members.map((m) => String(m.idNumber)),
      phones: members.filter((m) => m.phone).map((m) => String(m.phone)),
    };

    const homeBody = familyOfFour();
    const mine = await h.http
      .post('/api/households')
      .auth(h.tokens.worker, { type: 'bearer' })
      .send(homeBody);
    home = {
      householdId: mine.body.id,
      residentIds: mine.body.members.map((m: { id: string }) => m.id),
      idNumbers: (homeBody.members as Members).map((m) => String(m.idNumber)),
    };

    const far = await h.http
      .post('/api/households')
      .auth(h.tokens.admin, { type: 'bearer' })
      .send({ ...familyOfFour(), communityCode: ELSEWHERE });
    elsewhereResidentId = far.body.members[0].id;
  });
  afterAll(() => h.close());

  describe('a community worker of another community', () => {
    let outboxBefore: number;
    beforeAll(async () => {
      outboxBefore = await outboxCount();
    });

    it.each(['head', 'spouse (with corrections)'].flatMap((who, i) => [[who, i] as const]))(
      'is refused on every endpoint for the foreign %s, with nothing foreign in any answer',
      async (_who, index) => {
        const calls = callsOn(foreign.residentIds[index], foreign.householdId, home.idNumbers[2]);
        const answers = [];
        for (const c of calls) {
          const res = await call('worker', c);
          answers.push({
            call: c.name,
            status: res.status,
            leaked: leaks(res.body, [foreign.residentIds[index], foreign.householdId]),
          });
        }
        expect(answers).toEqual(calls.map((c) => ({ call: c.name, status: 404, leaked: [] })));
      },
    );

    it('may not register a household in the other community (403)', async () => {
      const res = await h.http
        .post('/api/households')
        .auth(h.tokens.worker, { type: 'bearer' })
        .send({ ...familyOfFour(), communityCode: NEIGHBOUR });
      expect(res.status).toBe(403);
      expect(res.body.errors).toEqual([
        { field: 'communityCode', message: expect.stringMatching(/[\u4e00-\u9fff]/) },
      ]);
    });

    it('may not marry one of their residents to a foreign resident', async () => {
      const res = await h.http
        .post(`/api/residents/${home.residentIds[1]}/marriage`)
        .auth(h.tokens.worker, { type: 'bearer' })
        .send({ maritalStatus: '20', spouseId: foreign.residentIds[1] });
      expect(res.status).toBe(404);
      expect(leaks(res.body)).toEqual([]);
      const own = await h.http
        .get(`/api/residents/${home.residentIds[1]}`)
        .auth(h.tokens.worker, { type: 'bearer' });
      expect(own.body.version).toBe(1);
    });

    it.each([
      ['a foreign name', () => foreign.names[0]],
      ['part of a foreign name', () => foreign.names[2].slice(0, 2)],
      ['a foreign ID prefix', () => foreign.idNumbers[0].slice(0, 10)],
      ['a full foreign ID number', () => foreign.idNumbers[1]],
      ['foreign pinyin initials', () => pinyinInitials(foreign.names[1])],
    ])('finds nothing when searching by %s', async (_what, q) => {
      const res = await h.http
        .get('/api/residents')
        .query({ q: q() })
        .auth(h.tokens.worker, { type: 'bearer' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ total: 0, items: [] });
    });

    it('sees only their own residents in an open search', async () => {
      const res = await h.http
        .get('/api/residents')
        .query({ size: 100 })
        .auth(h.tokens.worker, { type: 'bearer' });
      expect(res.body.total).toBe(4);
      expect(leaks(res.body)).toEqual([]);
    });

    it('left the foreign records as they were', async () => {
      const residents = await h.db.query(
        `SELECT version, phone, life_status, residence_status FROM resident WHERE id = ANY($1::uuid[])`,
        [foreign.residentIds],
      );
      expect(residents).toHaveLength(3);
      expect(
        residents.every(
          (r: { version: number; life_status: string }) => r.version === 1 && r.life_status === 'alive',
        ),
      ).toBe(true);
      const [household] = await h.db.query(`SELECT version, assistance_type FROM household WHERE id = $1`, [
        foreign.householdId,
      ]);
      expect(household).toEqual({ version: 1, assistance_type: 'tekun' });
      expect(await outboxCount()).toBe(outboxBefore);
      const members = await h.db.query(
        `SELECT count(*)::int AS n FROM household_member WHERE household_id = $1`,
        [foreign.householdId],
      );
      expect(members[0].n).toBe(3);
    });
  });

  describe('a street supervisor', () => {
    it('reads a resident of another community in the same street', async () => {
      const res = await h.http
        .get(`/api/residents/${foreign.residentIds[0]}`)
        .auth(h.tokens.supervisor, { type: 'bearer' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: foreign.names[0],
        idNumber: foreign.idNumbers[0],
        communityCode: NEIGHBOUR,
      });
    });

    it('cannot read a resident of another street (404), nor find them', async () => {
      const res = await h.http
        .get(`/api/residents/${elsewhereResidentId}`)
        .auth(h.tokens.supervisor, { type: 'bearer' });
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('王建国');
      const search = await h.http
        .get('/api/residents')
        .query({ q: '王建国' })
        .auth(h.tokens.supervisor, { type: 'bearer' });
      expect(search.body.total).toBe(1);
      expect(search.body.items[0].communityCode).not.toBe(ELSEWHERE);
    });
  });

  describe('the IT operator', () => {
    it('reads a resident masked, without disability or corrections', async () => {
      const res = await h.http
        .get(`/api/residents/${foreign.residentIds[1]}`)
        .auth(h.tokens.operator, { type: 'bearer' });
      expect(res.status).toBe(200);
      expect(res.body.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(res.body.idNumber).toBe(maskCitizenId(foreign.idNumbers[1]));
      expect(res.body.name).toBe('司*');
      expect(res.body.phone).toBe(maskPhone(foreign.phones[1]));
      expect(res.body).not.toHaveProperty('disability');
      expect(res.body).not.toHaveProperty('corrections');
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(foreign.idNumbers[1]);
      expect(text).not.toContain(foreign.names[1]);
      expect(text).not.toContain(foreign.phones[1]);
      expect(text).not.toMatch(/corrections_/);
    });

    it('reads a household without the assistance or member names', async () => {
      const res = await h.http
        .get(`/api/households/${foreign.householdId}`)
        .auth(h.tokens.operator, { type: 'bearer' });
      expect(res.status).toBe(200);
      expect(res.body.assistance).toBeNull();
      expect(res.body.address.text).toBeNull();
      expect(leaks(res.body, [foreign.householdId, ...foreign.residentIds], false)).toEqual([]);
    });

    it('finds no one by name or ID number', async () => {
      for (const q of [foreign.names[0], foreign.idNumbers[0].slice(0, 10)]) {
        const res = await h.http
          .get('/api/residents')
          .query({ q })
          .auth(h.tokens.operator, { type: 'bearer' });
        expect(res.body).toEqual({ total: 0, items: [] });
      }
    });

    it('is refused (403) on every write', async () => {
      const outboxBefore = await outboxCount();
      const calls = [
        ...callsOn(foreign.residentIds[0], foreign.householdId, home.idNumbers[2]),
        ...callsOn(home.residentIds[0], home.householdId, foreign.idNumbers[2]),
      ].filter((c) => c.method !== 'get');
      const answers = [];
      for (const c of calls) {
        const res = await call('operator', c);
        answers.push({ call: c.name, status: res.status });
      }
      const register = await h.http
        .post('/api/households')
        .auth(h.tokens.operator, { type: 'bearer' })
        .send({ ...familyOfFour(), communityCode: NEIGHBOUR });
      answers.push({ call: 'register a household', status: register.status });
      expect(answers).toEqual(
        [...calls.map((c) => c.name), 'register a household'].map((name) => ({ call: name, status: 403 })),
      );
      expect(await outboxCount()).toBe(outboxBefore);
    });
  });

  describe('corrections', () => {
    let withCorrections: string;
    beforeAll(async () => {
      withCorrections = home.residentIds[2];
      await h.http
        .put(`/api/residents/${withCorrections}/tags/corrections`)
        .auth(h.tokens.admin, { type: 'bearer' })
        .send({ type: '3', start: '2025-05-01', end: '2027-05-01' })
        .expect(200);
    });

    it('are never shown to a worker without the permission', async () => {
      const resident = await h.http
        .get(`/api/residents/${withCorrections}`)
        .auth(h.tokens.worker, { type: 'bearer' });
      const household = await h.http
        .get(`/api/households/${home.householdId}`)
        .auth(h.tokens.worker, { type: 'bearer' });
      const search = await h.http.get('/api/residents').auth(h.tokens.worker, { type: 'bearer' });
      for (const body of [resident.body, household.body, search.body]) {
        expect(JSON.stringify(body)).not.toMatch(/corrections/);
      }
      expect(resident.body.version).toBe(2);
    });

    it('are shown to the admin', async () => {
      const resident = await h.http
        .get(`/api/residents/${withCorrections}`)
        .auth(h.tokens.admin, { type: 'bearer' });
      expect(resident.body.corrections).toEqual({ type: '3', start: '2025-05-01', end: '2027-05-01' });
      const foreignSpouse = await h.http
        .get(`/api/residents/${foreign.residentIds[1]}`)
        .auth(h.tokens.admin, { type: 'bearer' });
      expect(foreignSpouse.body.corrections).toMatchObject({ type: '2' });
    });
  });
});
