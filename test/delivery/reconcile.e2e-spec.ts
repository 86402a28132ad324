import { ReconcileService } from '@hub/delivery';
import { familyOfFour } from '../support/households';
import { drained, startHub, type Hub, registerHousehold, type Rec } from './harness';

describe('Reconciliation compares each system with the unified record', () => {
  let hub: Hub;
  let reconciler: ReconcileService;
  let headId: string;

  beforeAll(async () => {
    hub = await startHub('reconcile');
    reconciler = hub.worker.get(ReconcileService);
    const body = familyOfFour();
    (body.address as Rec).gridCode = '320402002001001';
    const members = body.members as Rec[];
    Object.assign(members[1], { employmentStatus: '1' });
    Object.assign(members[2], { employmentStatus: '2', politicalStatus: '03' });
    const reply = await registerHousehold(hub.h, body);
    headId = reply.members[0].id;
    await drained(hub.h);
  }, 150_000);
  afterAll(() => hub?.close());

  it('finds no difference in any system after delivery', async () => {
    const systems = reconciler.systems();
    expect(systems.length).toBeGreaterThanOrEqual(11);
    for (const system of systems) {
      const report = await reconciler.reconcile(system);
      expect({
        system,
        missing: report.missing,
        extra: report.extra,
        different: report.different,
        duplicates: report.duplicates,
        shown: report.differences,
      }).toEqual({
        system,
        missing: 0,
        extra: 0,
        different: 0,
        duplicates: 0,
        shown: [],
      });
    }
  });

  it('finds a record the department changed behind the hub’s back, and repair puts it right', async () => {
    const [elder] = await hub.sim.records<Rec>('aging-services');
    await hub.sim.simulate('aging-services', 'change-phone', {
      elderId: elder.elderId,
      phone: '13700001111',
    });
    const stale = await reconciler.reconcile('aging-services');
    expect(stale.different).toBe(1);
    expect(stale.differences[0]).toMatchObject({
      kind: 'different',
      subjectId: headId,
      fields: [{ field: 'phone', hub: '13812345678', department: '13700001111' }],
    });
    const repaired = await reconciler.reconcile('aging-services', { repair: true });
    expect(repaired.repaired).toBe(1);
    await drained(hub.h);
    expect((await reconciler.reconcile('aging-services')).different).toBe(0);
    const [after] = await hub.sim.records<Rec>('aging-services');
    expect(after.phone).toBe('13812345678');
  });

  it('finds a person a department should no longer hold, and repair ends him there', async () => {
    const [elder] = await hub.sim.records<Rec>('aging-services');
    const admin = { type: 'bearer' as const };
    const paused = await hub.h.http
      .post('/api/connectors/aging-services/pause')
      .auth(hub.h.tokens.admin, admin);
    expect(paused.body).toEqual({ system: 'aging-services', paused: true });
    const died = await hub.h.http
      .post(`/api/residents/${headId}/death`)
      .auth(hub.h.tokens.worker, admin)
      .send({ date: '2026-11-01' });
    expect(died.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    const report = await reconciler.reconcile('aging-services', { repair: true });
    expect(report.extra).toBe(1);
    expect(report.differences[0]).toMatchObject({
      kind: 'extra',
      subjectId: headId,
      externalId: elder.elderId,
    });
    expect((await hub.sim.records<Rec>('aging-services'))[0].status).toBe('active');
    const resumed = await hub.h.http
      .post('/api/connectors/aging-services/resume')
      .auth(hub.h.tokens.admin, admin);
    expect(resumed.body).toEqual({ system: 'aging-services', paused: false });
    await drained(hub.h);
    expect((await hub.sim.records<Rec>('aging-services'))[0]).toMatchObject({
      elderId: elder.elderId,
      status: 'deceased',
    });
    const after = await reconciler.reconcile('aging-services');
    expect([after.extra, after.missing, after.different]).toEqual([0, 0, 0]);
  });
});
