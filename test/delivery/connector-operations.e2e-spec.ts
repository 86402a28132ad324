import { DeliveryQueues, DeliveryRedrive } from '@hub/delivery';
import { familyOfFour } from '../support/households';
import { drained, startHub, type Hub, registerHousehold, type Rec } from './harness';

describe('IT staff watch and steer the connector queues through the API', () => {
  let hub: Hub;
  let sonId: string;
  const as = (who: 'operator' | 'worker' | 'admin') => ({
    token: hub.h.tokens[who],
    type: { type: 'bearer' as const },
  });

  beforeAll(async () => {
    hub = await startHub('operations');
    const body = familyOfFour();
    const members = body.members as Rec[];
    Object.assign(members[1], { employmentStatus: '1' });
    Object.assign(members[2], { employmentStatus: '2' }); // no political status: the militia roster refuses him
    const reply = await registerHousehold(hub.h, body);
    sonId = reply.members[2].id;
    await drained(hub.h);
  }, 150_000);
  afterAll(() => hub?.close());

  it('shows every system with its ledger counts and queue, to IT staff only', async () => {
    const { token, type } = as('operator');
    const res = await hub.h.http.get('/api/connectors').auth(token, type);
    expect(res.status).toBe(200);
    const systems = res.body as Array<{ system: string; ledger: Record<string, number>; paused: boolean }>;
    expect(systems.map((s) => s.system)).toHaveLength(12);
    expect(systems.find((s) => s.system === 'police-population')?.ledger.confirmed).toBe(4);
    expect(systems.find((s) => s.system === 'militia-conscription')?.ledger.failed).toBe(1);
    const worker = as('worker');
    expect((await hub.h.http.get('/api/connectors').auth(worker.token, worker.type)).status).toBe(403);
  });

  it('lists failures with the department’s own reason, and retries them by error kind', async () => {
    const { token, type } = as('operator');
    const failures = await hub.h.http
      .get('/api/connectors/militia-conscription/failures?errorKind=refused')
      .auth(token, type);
    expect(failures.status).toBe(200);
    expect(failures.body).toHaveLength(1);
    expect(failures.body[0]).toMatchObject({ subjectId: sonId, errorKind: 'refused', attempts: 1 });
    expect(failures.body[0].lastError).toContain('政治面貌');
    expect(JSON.stringify(failures.body)).not.toMatch(/\d{17}[\dX]/);

    const retried = await hub.h.http
      .post('/api/connectors/militia-conscription/retry?errorKind=refused')
      .auth(token, type);
    expect(retried.body).toEqual({ retried: 1 });
    await drained(hub.h);
    const again = await hub.h.http.get('/api/connectors/militia-conscription/failures').auth(token, type);
    expect(again.body[0]).toMatchObject({ subjectId: sonId, attempts: 2 });

    const one = await hub.h.http
      .post(`/api/connectors/militia-conscription/deliveries/${again.body[0].id}/retry`)
      .auth(token, type);
    expect(one.body).toEqual({ retried: 1 });
    await drained(hub.h);
    const third = await hub.h.http.get('/api/connectors/militia-conscription/failures').auth(token, type);
    expect(third.body[0]).toMatchObject({ subjectId: sonId, attempts: 3 });
  });

  it('re-sends by itself once the resident is fixed', async () => {
    const fixed = await hub.h.http
      .patch(`/api/residents/${sonId}`)
      .auth(hub.h.tokens.worker, { type: 'bearer' })
      .send({ politicalStatus: '03' });
    expect(fixed.status).toBe(200);
    await drained(hub.h);
    const { token, type } = as('operator');
    expect(
      (await hub.h.http.get('/api/connectors/militia-conscription/failures').auth(token, type)).body,
    ).toEqual([]);
    expect((await hub.sim.records('militia-conscription')).length).toBe(1);
  });

  it('keeps a paused system paused after Redis forgot it', async () => {
    const { token, type } = as('operator');
    expect((await hub.h.http.post('/api/connectors/disability/pause').auth(token, type)).status).toBe(200);
    const queue = hub.worker.get(DeliveryQueues).queues.get('disability')!;
    expect(await queue.isPaused()).toBe(true);
    // What a Redis that lost its data looks like to this queue: no pause marker.
    await queue.resume();
    await hub.worker.get(DeliveryRedrive).sweep();
    expect(await queue.isPaused()).toBe(true);
    expect((await hub.h.http.post('/api/connectors/disability/resume').auth(token, type)).status).toBe(200);
    await hub.worker.get(DeliveryRedrive).sweep();
    expect(await queue.isPaused()).toBe(false);
  });

  it('answers unknown systems and malformed requests with 4xx in Chinese', async () => {
    const { token, type } = as('admin');
    const unknown = await hub.h.http.post('/api/connectors/no-such-system/pause').auth(token, type);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/[\u4e00-\u9fff]/);
    const badKind = await hub.h.http
      .post('/api/connectors/police-population/retry?errorKind=everything')
      .auth(token, type);
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors[0].field).toBe('errorKind');
    const badId = await hub.h.http
      .post('/api/connectors/police-population/deliveries/abc/retry')
      .auth(token, type);
    expect(badId.status).toBe(404);
  });
});
