import { createPolicePopulationConnector } from '@hub/connectors/police-population/police-population.connector';
import { residentSnapshot } from '@hub/connectors/testing/snapshots';
import { issueResidents } from '@hub/connectors/testing/issue-household';
import { startSimulator, type RunningSimulator } from '../simulator/support';

const SLUG = 'police-population';
const CREDENTIALS = { username: 'hub', password: 'hub-police-secret' };
const on = new Date();

describe('police-population connector against the simulator', () => {
  let sim: RunningSimulator;
  const connector = () => createPolicePopulationConnector({ baseUrl: sim.urls[SLUG], ...CREDENTIALS });
  const recordOf = async (gmsfhm: string | null) =>
    (await sim.records<{ GMSFHM: string; RYBH: string; ZT: string; LXDH?: string }>(SLUG)).filter(
      (r) => r.GMSFHM === gmsfhm,
    );

  beforeAll(async () => {
    sim = await startSimulator('conn_police');
  });
  afterAll(async () => {
    await sim?.stop();
  });
  afterEach(async () => {
    await sim.faults(SLUG, { errorRate: 0 });
  });

  it('push creates (own id kept), push again updates without a duplicate', async () => {
    const sut = connector();
    const head = issueResidents.head;
    const created = await sut.push(head, null, on);
    expect(created.externalId).toMatch(/^R\d{14}$/);

    const updated = await sut.push({ ...head, phone: '13911112222' }, created, on);
    expect(updated).toEqual(created);
    const records = await recordOf(head.idNumber);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ RYBH: created.externalId, LXDH: '13911112222', ZT: '0' });
  });

  it('end sets ZT: 1 for a death, 2 for a move out', async () => {
    const sut = connector();
    const spouse = issueResidents.spouse;
    const son = issueResidents.son;
    const a = await sut.push(spouse, null, on);
    const b = await sut.push(son, null, on);
    await sut.end({ ...spouse, lifeStatus: 'deceased', deathDate: '2025-09-01' }, a, on);
    await sut.end({ ...son, residenceStatus: 'moved_out', movedOutOn: '2025-09-01' }, b, on);
    expect((await recordOf(spouse.idNumber))[0].ZT).toBe('1');
    expect((await recordOf(son.idNumber))[0].ZT).toBe('2');
  });

  it('exportAll reads every page', async () => {
    const sut = createPolicePopulationConnector({ baseUrl: sim.urls[SLUG], ...CREDENTIALS, pageSize: 2 });
    const exported: Array<Record<string, unknown>> = [];
    for await (const record of sut.exportAll()) exported.push(record);
    const held = await sim.records(SLUG);
    expect(exported).toHaveLength(held.length);
    expect(new Set(exported.map((r) => r.RYBH)).size).toBe(held.length);
  });

  it('changes reports a death registered at the station', async () => {
    const sut = connector();
    const person = residentSnapshot({
      idNumber: '320402198001010012',
      birthDate: '1980-01-01',
      name: '赵大海',
    });
    await sut.push(person, null, on);
    const before = await sut.changes!(null);
    await sim.simulate(SLUG, 'death', { GMSFHM: person.idNumber });
    const after = await sut.changes!(before.cursor);
    expect(after.changes).toEqual([
      expect.objectContaining({
        idNumber: person.idNumber,
        fields: expect.objectContaining({ lifeStatus: 'deceased' }),
      }),
    ]);
    expect(after.cursor >= before.cursor).toBe(true);
  });

  it('a bad ID number is a final refusal with the department’s message', async () => {
    const bad = residentSnapshot({ idNumber: '320402196403151234' });
    await expect(connector().push(bad, null, on)).rejects.toMatchObject({
      kind: 'refused',
      message: 'E102 公民身份号码校验错误',
      details: { departmentCode: 'E102' },
    });
  });

  it('a refused UsernameToken is auth', async () => {
    const sut = createPolicePopulationConnector({
      baseUrl: sim.urls[SLUG],
      username: 'hub',
      password: 'wrong',
    });
    await expect(sut.push(residentSnapshot(), null, on)).rejects.toMatchObject({ kind: 'auth' });
  });

  it('errorRate 1 gives temporary', async () => {
    const sut = connector();
    await sut.exportAll()[Symbol.asyncIterator]().next(); // WSDL read and client ready
    await sim.faults(SLUG, { errorRate: 1 });
    await expect(sut.push(residentSnapshot(), null, on)).rejects.toMatchObject({ kind: 'temporary' });
  });
});

describe('police-population connector against a realistic simulator (5 calls/s)', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator('conn_police_real', { SIM_REALISM: 'on' });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('E429 from several workers at once is temporary with a retry delay', async () => {
    // Each instance paces itself; twelve of them (twelve workers) still exceed the service's limit.
    const workers = Array.from({ length: 12 }, () =>
      createPolicePopulationConnector({ baseUrl: sim.urls[SLUG], ...CREDENTIALS }),
    );
    const outcomes = await Promise.allSettled(workers.map((sut) => sut.changes!('20990101000000')));
    const refusals = outcomes
      .filter((o): o is PromiseRejectedResult => o.status === 'rejected')
      .map((o) => o.reason);
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals[0]).toMatchObject({
      kind: 'temporary',
      details: { departmentCode: 'E429', retryAfterMs: 1000 },
    });
  });
});
