import { StatisticsReporter } from '@hub/delivery';
import { familyOfFour, idFor, yearsAgo } from '../support/households';
import {
  currentPeriod,
  drained,
  eventually,
  startHub,
  type Hub,
  registerHousehold,
  type Rec,
} from './harness';

interface Registered {
  id: string;
  ids: string[];
  residentIds: string[];
}

/**
 * Changes the departments make themselves come back over their own change feeds, are applied to
 * the unified record under the field-authority table and fan out to every other department that
 * covers the subject — never echoed back to where they came from.
 */
describe('A department’s own change reaches the record and the other departments, not itself', () => {
  let hub: Hub;
  let a: Registered;
  let b: Registered;
  const [head, spouse, son] = [0, 1, 2];

  async function register(body: Rec): Promise<Registered> {
    (body.address as Rec).gridCode = '320402002001001';
    const members = body.members as Rec[];
    Object.assign(members[1], { employmentStatus: '1' });
    Object.assign(members[2], { employmentStatus: '2', politicalStatus: '03' });
    const reply = await registerHousehold(hub.h, body);
    return {
      id: reply.id,
      ids: members.map((m) => String(m.idNumber)),
      residentIds: reply.members.map((m) => m.id),
    };
  }

  const get = async (path: string, token = hub.h.tokens.worker): Promise<Rec> => {
    const res = await hub.h.http.get(path).auth(token, { type: 'bearer' });
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${res.text}`);
    return res.body as Rec;
  };
  const resident = (id: string): Promise<Rec> => get(`/api/residents/${id}`);
  const household = (id: string): Promise<Rec> => get(`/api/households/${id}`);
  const sourceOf = (record: Rec, field: string): unknown =>
    (record.fieldSources as Record<string, { source?: string }>)[field]?.source;
  const find = async (slug: string, key: string, value: string): Promise<Rec | undefined> =>
    (await hub.sim.records<Rec>(slug)).find((r) => r[key] === value);
  const applied = async (slug: string): Promise<number> => (await hub.sim.counters(slug)).applied ?? 0;
  /** The ledger's rows for one system and subject at its current version. */
  const ledger = async (system: string, type: string, id: string, version: unknown): Promise<Rec[]> =>
    hub.h.db.query(
      `SELECT action, status FROM delivery WHERE system = $1 AND subject_type = $2 AND subject_id = $3 AND version = $4`,
      [system, type, id, version],
    );
  /** Submits this month's report for the home community; the department's copy of it says how many. */
  const dibaoHouseholds = async (): Promise<number> => {
    const [submitted] = await hub.worker.get(StatisticsReporter).submit(currentPeriod(), ['320402002001']);
    const report = (await hub.sim.records<Rec>('statistics')).find(
      (r) =>
        r.communityCode === '320402002001' &&
        r.period === currentPeriod() &&
        r.revision === submitted.reply.revision,
    );
    if (!report) throw new Error(`statistics holds no revision ${submitted.reply.revision}`);
    return Number(report.dibaoHouseholds);
  };

  beforeAll(async () => {
    hub = await startHub('changes', { INBOUND_POLL_MS: '200' });
    a = await register(familyOfFour());
    const withoutAssistance = familyOfFour();
    delete withoutAssistance.assistance;
    b = await register(withoutAssistance);
    await drained(hub.h);
  }, 120_000);

  afterAll(async () => {
    await hub?.close();
  });

  it('a death registered by the police ends the person everywhere, and is not sent back to the police', async () => {
    const policeBefore = await applied('police-population');
    await hub.sim.simulate('police-population', 'death', { GMSFHM: a.ids[head] });

    const dead = await eventually('the death in the record', async () => {
      const r = await resident(a.residentIds[head]);
      return r.lifeStatus === 'deceased' ? r : undefined;
    });
    expect(sourceOf(dead, 'lifeStatus')).toBe('police-population');
    expect(dead.household).toBeNull();
    const home = await household(a.id);
    expect(home.headResidentId).toBeNull();
    expect((home.members as Rec[]).map((m) => m.id)).not.toContain(a.residentIds[head]);

    await drained(hub.h);
    expect(await find('aging-services', 'idCard', a.ids[head])).toMatchObject({ status: 'deceased' });
    expect((await find('disability', 'idNumber', a.ids[head]))?.status).toMatch(/^(deceased|revoked)$/);
    const patient = (
      await hub.sim.records<Rec & { identifier?: Array<{ value: string }> }>('public-health')
    ).find((p) => p.identifier?.[0]?.value === a.ids[head]);
    expect(patient).toMatchObject({ deceasedBoolean: true });
    expect(await find('grid-governance', 'idNo', a.ids[head])).toMatchObject({ status: 'deceased' });
    const doc = (await hub.sim.records<Rec & { members: Rec[] }>('civil-assistance')).find((d) =>
      d.members.some((m) => m.idCard === a.ids[spouse]),
    );
    expect(doc).toBeDefined();
    expect(doc?.headIdCard).not.toBe(a.ids[head]);
    expect(doc?.members.map((m) => m.idCard)).not.toContain(a.ids[head]);

    // No echo: the police received nothing, and the ledger says the change came from them.
    expect(await applied('police-population')).toBe(policeBefore);
    expect(await ledger('police-population', 'resident', a.residentIds[head], dead.version)).toEqual([
      { action: 'origin', status: 'confirmed' },
    ]);
  });

  it('grid-governance’s house no longer lists the dead head', async () => {
    const records = await hub.sim.records<Rec>('grid-governance');
    const personId = (i: number): unknown => records.find((r) => r.personId && r.idNo === a.ids[i])?.personId;
    const house = records.find(
      (r) => r.houseId && (r.memberPersonIds as unknown[]).includes(personId(spouse)),
    );
    expect(house?.memberPersonIds).toHaveLength(3);
    expect(house?.memberPersonIds).not.toContain(personId(head));
    expect(house?.headPersonId).not.toBe(personId(head));
  });

  it('a 低保 approval and termination by civil affairs tag and untag the household, not echoed back', async () => {
    const civilBefore = await applied('civil-assistance');
    const before = await dibaoHouseholds();
    const members = await Promise.all(b.residentIds.map(resident));
    const approved = (await hub.sim.simulate('civil-assistance', 'approve', {
      headName: members[head].name,
      headIdCard: b.ids[head],
      address: '青龙苑3幢2单元',
      assistanceType: 'dibao',
      monthlyAmount: 860.5,
      approvedOn: '2025-09-01',
      members: members.map((m, i) => ({
        name: m.name,
        idCard: b.ids[i],
        gender: m.gender === '1' ? '男' : '女',
        relation: ['户主', '妻子', '儿子', '女'][i],
      })),
    })) as { householdNo: string };

    const tagged = await eventually('the approval in the record', async () => {
      const hh = await household(b.id);
      return hh.assistance ? hh : undefined;
    });
    expect(tagged.assistance).toEqual({ type: 'dibao', amount: '860.50', approvedOn: '2025-09-01' });
    expect(sourceOf(tagged, 'assistanceType')).toBe('civil-assistance');
    expect(sourceOf(tagged, 'assistanceAmount')).toBe('civil-assistance');
    await drained(hub.h);
    expect((await find('grid-governance', 'idNo', b.ids[head]))?.focusTags).toContain('低保户');
    expect(await dibaoHouseholds()).toBe(before + 1);
    expect(await ledger('civil-assistance', 'household', b.id, tagged.version)).toEqual([
      { action: 'origin', status: 'confirmed' },
    ]);

    await hub.sim.simulate('civil-assistance', 'terminate', { householdNo: approved.householdNo });
    const untagged = await eventually('the termination in the record', async () => {
      const hh = await household(b.id);
      return hh.assistance === null ? hh : undefined;
    });
    expect(sourceOf(untagged, 'assistanceType')).toBe('civil-assistance');
    await drained(hub.h);
    expect((await find('grid-governance', 'idNo', b.ids[head]))?.focusTags).not.toContain('低保户');
    expect(await dibaoHouseholds()).toBe(before);

    // Civil affairs received nothing back and keeps its one (ended) document for the household.
    expect(await applied('civil-assistance')).toBe(civilBefore);
    const docs = (await hub.sim.records<Rec>('civil-assistance')).filter((d) => d.headIdCard === b.ids[head]);
    expect(docs).toEqual([expect.objectContaining({ householdNo: approved.householdNo, status: 'ended' })]);
  });

  it('a change about someone the hub does not know waits in the holding list, masked', async () => {
    await drained(hub.h);
    const count = async (): Promise<unknown> =>
      (
        await hub.h.db.query(
          `SELECT (SELECT count(*)::int FROM resident) AS residents, (SELECT count(*)::int FROM household) AS households,
                  (SELECT count(*)::int FROM outbox_event) AS events, (SELECT max(version) FROM resident) AS version`,
        )
      )[0];
    const recordBefore = await count();
    const birthDate = yearsAgo(28, '07-09');
    const stranger = idFor(birthDate, '2');
    const registered = (await hub.sim.simulate('police-population', 'register', {
      GMSFHM: stranger,
      XM: '赵小芳',
      XB: '2',
      MZ: '01',
      CSRQ: birthDate.replace(/-/g, ''),
      RYLB: '2',
      XZZ: '青龙苑5幢1单元101室',
    })) as { RYBH: string };

    const res = await eventually('the stranger in the holding list', async () => {
      const r = await hub.h.http.get('/api/connectors/holding').auth(hub.h.tokens.admin, { type: 'bearer' });
      const rows = r.body as Rec[];
      return rows.some((row) => row.externalId === registered.RYBH) ? r : undefined;
    });
    const row = (res.body as Rec[]).find((r) => r.externalId === registered.RYBH);
    expect(row).toMatchObject({ system: 'police-population', reason: 'unknown-subject' });
    expect(row?.idNumber).toMatch(/^\d{6}\*+[\dX]{4}$|^\d{4}\*+[\dX]{2,4}$/);
    expect(row?.idNumber).not.toBe(stranger);
    expect(res.text).not.toContain(stranger);
    expect(res.text).not.toContain(stranger.slice(6, 14));

    expect(await count()).toEqual(recordBefore);
    expect(await hub.h.db.query(`SELECT id FROM resident WHERE id_number = $1`, [stranger])).toEqual([]);
    // IT operators see it too; community workers do not.
    const operator = await hub.h.http
      .get('/api/connectors/holding')
      .auth(hub.h.tokens.operator, { type: 'bearer' });
    expect(operator.status).toBe(200);
    const worker = await hub.h.http
      .get('/api/connectors/holding')
      .auth(hub.h.tokens.worker, { type: 'bearer' });
    expect(worker.status).toBe(403);
  });

  it('grid workers may correct a phone (newer wins), but not with an older finding', async () => {
    const person = async (i: number): Promise<Rec> => {
      const found = await find('grid-governance', 'idNo', b.ids[i]);
      if (!found) throw new Error(`grid-governance holds no member ${i}`);
      return found;
    };
    // A finding dated before the phone the hub holds loses; the feed is read in order, so once the
    // newer finding about the son is applied the older one about the head was read as well.
    const headBefore = await resident(b.residentIds[head]);
    expect(headBefore.phone).toBe('13812345678');
    await hub.sim.clock('grid-governance', '2020-01-01T08:00:00+08:00');
    await hub.sim.simulate('grid-governance', 'phoneChanged', {
      personId: (await person(head)).personId,
      phone: '13900002222',
    });
    await hub.sim.clock('grid-governance', null);
    await hub.sim.simulate('grid-governance', 'phoneChanged', {
      personId: (await person(son)).personId,
      phone: '13900003333',
    });
    const son_ = await eventually('the new phone in the record', async () => {
      const r = await resident(b.residentIds[son]);
      return r.phone === '13900003333' ? r : undefined;
    });
    expect(sourceOf(son_, 'phone')).toBe('grid-governance');
    const headAfter = await resident(b.residentIds[head]);
    expect(headAfter.phone).toBe('13812345678');
    expect(headAfter.version).toBe(headBefore.version);

    await drained(hub.h);
    expect(await find('police-population', 'GMSFHM', b.ids[son])).toMatchObject({ LXDH: '13900003333' });
    expect(await ledger('grid-governance', 'resident', b.residentIds[son], son_.version)).toEqual([
      { action: 'origin', status: 'confirmed' },
    ]);
  });

  it('the disability federation sets the certificate but cannot rename anyone', async () => {
    const card = await find('disability', 'idNumber', b.ids[head]);
    expect(card).toBeDefined();
    await hub.sim.simulate('disability', 'issue', { ...card, name: '王建民', disabilityGrade: '3' });
    const regraded = await eventually('the new grade in the record', async () => {
      const r = await resident(b.residentIds[head]);
      return (r.disability as Rec | null)?.grade === '3' ? r : undefined;
    });
    expect(regraded.disability).toEqual({ type: '4', grade: '3', certificateNo: `${b.ids[head]}43` });
    expect(sourceOf(regraded, 'disabilityGrade')).toBe('disability');
    expect(regraded.name).toBe('王建国');
    expect(sourceOf(regraded, 'name')).not.toBe('disability');
    await drained(hub.h);
    expect(await find('police-population', 'GMSFHM', b.ids[head])).toMatchObject({ XM: '王建国' });
  });

  it('leaves nothing failed in the ledger', async () => {
    await drained(hub.h);
    const failed = await hub.h.db.query(
      `SELECT system, subject_type, last_error FROM delivery WHERE status = 'failed'`,
    );
    expect(failed).toEqual([]);
  });
});
