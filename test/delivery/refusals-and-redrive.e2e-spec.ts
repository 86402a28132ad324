import IORedis from 'ioredis';
import { deletePrefixedKeys } from '../outbox/support';
import { familyOfFour, person } from '../support/households';
import { TEST_REDIS_URL } from '../support/test-env';
import { drained, startHub, type Hub, registerHousehold, type Rec } from './harness';

const ONLINE = [
  'police-population',
  'aging-services',
  'public-health',
  'employment',
  'disability',
  'family-planning',
];

describe('Refusals are final and fixed by a person; a lost Redis loses nothing', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub('refusals');
  }, 120_000);
  afterAll(() => hub?.close());

  const register = (body: Rec) => registerHousehold(hub.h, body);

  it('keeps a department’s refusal with its own message, does not retry it, and re-sends once the resident is fixed', async () => {
    // A 19-year-old man without a political status: the militia roster refuses the row.
    const body = familyOfFour();
    const son = (body.members as Rec[])[2];
    Object.assign(son, { employmentStatus: '2' });
    const { members } = await register(body);
    await drained(hub.h);
    const [refused] = await hub.h.db.query(
      `SELECT status, error_kind, last_error, attempts FROM delivery
        WHERE system = 'militia-conscription' AND subject_id = $1`,
      [members[2].id],
    );
    expect(refused).toMatchObject({ status: 'failed', error_kind: 'refused', attempts: 1 });
    expect(refused.last_error).toContain('政治面貌');
    expect(await hub.sim.records('militia-conscription')).toEqual([]);

    const fixed = await hub.h.http
      .patch(`/api/residents/${members[2].id}`)
      .auth(hub.h.tokens.worker, { type: 'bearer' })
      .send({ politicalStatus: '03' });
    expect(fixed.status).toBe(200);
    await drained(hub.h);
    const held = await hub.sim.records<Rec>('militia-conscription');
    expect(held.map((r) => r['公民身份号码'])).toEqual([son.idNumber]);
    const rows = await hub.h.db.query(
      `SELECT version, status FROM delivery WHERE system = 'militia-conscription' AND subject_id = $1 ORDER BY version`,
      [members[2].id],
    );
    expect(rows).toEqual([
      { version: 1, status: 'confirmed' },
      { version: 2, status: 'confirmed' },
    ]);
  });

  it('re-drives 500 undelivered changes from PostgreSQL after the queues are wiped', async () => {
    for (const slug of ONLINE) await hub.sim.faults(slug, { down: true });
    await hub.sim.faults('grid-governance', { down: true });
    const residents: Array<{ id: string; idNumber: string }> = [];
    for (let i = 0; i < 100; i++) {
      const body = {
        type: 'family',
        address: {
          estate: '红梅新村',
          building: String(1 + (i % 20)),
          room: String(100 + i),
          gridCode: '320402002001002',
        },
        members: [person('陈立新', '02', 45, '1', { employmentStatus: '1', phone: '13900000000' })],
      };
      const created = await register(body);
      residents.push({ id: created.members[0].id, idNumber: String(body.members[0].idNumber) });
    }
    const phones = new Map<string, string>();
    for (let i = 0; i < 400; i++) {
      const target = residents[i % residents.length];
      const phone = `139${String(10_000_000 + i).padStart(8, '0')}`;
      const res = await hub.h.http
        .patch(`/api/residents/${target.id}`)
        .auth(hub.h.tokens.worker, { type: 'bearer' })
        .send({ phone });
      expect(res.status).toBe(200);
      phones.set(target.idNumber, phone);
    }
    const [{ open }] = await hub.h.db.query(
      `SELECT count(*)::int AS open FROM delivery WHERE status IN ('pending', 'sent')`,
    );
    expect(open).toBeGreaterThan(0);

    const redis = new IORedis(TEST_REDIS_URL);
    const wiped = await deletePrefixedKeys(redis, process.env.QUEUE_PREFIX ?? '');
    redis.disconnect();
    expect(wiped).toBeGreaterThan(0);
    for (const slug of ONLINE) await hub.sim.faults(slug, { down: false });
    await hub.sim.faults('grid-governance', { down: false });

    await drained(hub.h, 150_000);
    const failed = await hub.h.db.query(
      `SELECT system, last_error FROM delivery WHERE status = 'failed' AND subject_id = ANY($1)`,
      [residents.map((r) => r.id)],
    );
    expect(failed).toEqual([]);
    const police = await hub.sim.records<Rec>('police-population');
    for (const [idNumber, phone] of phones) {
      expect(police.find((p) => p.GMSFHM === idNumber)?.LXDH).toBe(phone);
    }
    const grid = await hub.sim.records<Rec>('grid-governance');
    for (const [idNumber, phone] of phones) {
      expect(grid.find((p) => p.idNo === idNumber)?.phone).toBe(phone);
    }
  }, 240_000);
});
