import { daysAgo, familyOfFour, idFor, person } from '../support/households';
import { drained, eventually, registerHousehold, startHub, type Hub, type Rec } from './harness';

const POLICE = 'police-population';
const FAMILY_PLANNING = 'family-planning';
const HEALTH = 'public-health';

/**
 * A birth as it really happens: the community registers the child before the police issue an ID
 * number. The departments that key persons by ID number wait (not fail); the police register the
 * birth at the station and their change feed brings the number onto the child, which then reaches
 * the departments that waited.
 */
describe('A newborn’s ID number comes from the police and then reaches the departments that waited', () => {
  let hub: Hub;

  beforeAll(async () => {
    hub = await startHub('births', { INBOUND_POLL_MS: '200' });
  });
  afterAll(() => hub?.close());

  const get = async (path: string): Promise<Rec> => {
    const res = await hub.h.http.get(path).auth(hub.h.tokens.worker, { type: 'bearer' });
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${res.text}`);
    return res.body as Rec;
  };
  const statusIn = async (residentId: string): Promise<Record<string, Rec>> => {
    const body = await get(`/api/residents/${residentId}/deliveries`);
    return Object.fromEntries((body.systems as Rec[]).map((s) => [String(s.system), s]));
  };
  const find = async (slug: string, match: (r: Rec) => boolean): Promise<Rec | undefined> =>
    (await hub.sim.records<Rec>(slug)).find(match);

  async function registerBirth(
    householdNo?: string,
  ): Promise<{ householdId: string; childId: string; child: Rec }> {
    const body = familyOfFour();
    if (householdNo) body.householdNo = householdNo;
    const family = await registerHousehold(hub.h, body);
    await drained(hub.h);
    const birthDate = daysAgo(10);
    const child: Rec = { ...person(`王${householdNo ? '安' : '宁'}宁`, '30', 0, '2'), birthDate };
    delete child.idNumber;
    const res = await hub.h.http
      .post(`/api/households/${family.id}/births`)
      .auth(hub.h.tokens.worker, { type: 'bearer' })
      .send(child);
    expect(res.status).toBe(201);
    return { householdId: family.id, childId: String(res.body.id), child };
  }

  it('waits at the police and 全员人口 with the reason, never failing', async () => {
    const { childId } = await registerBirth();
    await drained(hub.h);
    const systems = await statusIn(childId);
    for (const slug of [POLICE, FAMILY_PLANNING]) {
      expect(systems[slug]).toMatchObject({ status: 'waiting' });
      expect(String(systems[slug].error)).toContain('等待公安局分配身份证号');
    }
    // The health archive takes a newborn without a number (its identifier may be missing).
    expect(systems[HEALTH]).toMatchObject({ status: 'confirmed' });
    const failed: Rec[] = await hub.h.db.query(
      `SELECT system FROM delivery WHERE subject_id = $1 AND status = 'failed'`,
      [childId],
    );
    expect(failed).toEqual([]);
    // Nothing was sent only to be refused.
    expect((await hub.sim.counters(POLICE)).rejected).toBe(0);
    expect((await hub.sim.counters(FAMILY_PLANNING)).rejected).toBe(0);
  });

  it('the number the police issue comes back onto the child and reaches 全员人口 and 健康档案', async () => {
    const householdNo = '320402771';
    const { childId, child } = await registerBirth(householdNo);
    await drained(hub.h);
    const idNumber = idFor(String(child.birthDate), '2');

    await hub.sim.simulate(POLICE, 'register', {
      GMSFHM: idNumber,
      XM: child.name,
      XB: '2',
      MZ: '01',
      CSRQ: String(child.birthDate).replace(/-/g, ''),
      HH: householdNo,
      YHZGX: '30',
      RYLB: '1',
    });

    const read = await eventually('the issued number on the child', async () => {
      const r = await get(`/api/residents/${childId}?reveal=idNumber`);
      return r.idNumber === idNumber ? r : undefined;
    });
    expect((read.fieldSources as Record<string, Rec>).idNumber).toMatchObject({ source: POLICE });
    await drained(hub.h);

    const systems = await statusIn(childId);
    expect(systems[FAMILY_PLANNING]).toMatchObject({ status: 'confirmed' });
    expect(systems[HEALTH]).toMatchObject({ status: 'confirmed' });
    expect(systems[POLICE]).toMatchObject({ status: 'origin' });
    expect(await find(FAMILY_PLANNING, (r) => r.sfzh === idNumber)).toMatchObject({ xm: child.name });
    const archives = await hub.sim.records<Rec>(HEALTH);
    // The archive opened for the newborn now carries the number: updated, not a second one.
    const archive = archives.filter((p) => JSON.stringify(p).includes(String(child.name)));
    expect(archive).toHaveLength(1);
    expect(JSON.stringify(archive[0])).toContain(idNumber);

    // Nothing is left waiting or failed for the child, and the police got no second record.
    const open: Rec[] = await hub.h.db.query(
      `SELECT system, version, status FROM delivery WHERE subject_id = $1 AND status IN ('waiting', 'failed', 'pending', 'sent')`,
      [childId],
    );
    expect(open).toEqual([]);
    const police = (await hub.sim.records<Rec>(POLICE)).filter((r) => r.XM === child.name);
    expect(police).toHaveLength(1);
    const [link]: Rec[] = await hub.h.db.query(
      `SELECT external_id FROM system_link WHERE system = $1 AND subject_id = $2`,
      [POLICE, childId],
    );
    expect(link.external_id).toBe(police[0].RYBH);
  });

  it('a number added by the worker sends the waiting deliveries too', async () => {
    const { childId, child } = await registerBirth();
    await drained(hub.h);
    const idNumber = idFor(String(child.birthDate), '2');
    const current = await get(`/api/residents/${childId}`);
    const res = await hub.h.http
      .patch(`/api/residents/${childId}`)
      .auth(hub.h.tokens.worker, { type: 'bearer' })
      .set('If-Match', String(current.version))
      .send({ idNumber });
    expect(res.status).toBe(200);
    await drained(hub.h);
    const systems = await statusIn(childId);
    expect(systems[POLICE]).toMatchObject({ status: 'confirmed' });
    expect(systems[FAMILY_PLANNING]).toMatchObject({ status: 'confirmed' });
    expect(await find(POLICE, (r) => r.GMSFHM === idNumber)).toMatchObject({ XM: child.name });
  });
});
