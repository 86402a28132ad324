import { makeCitizenId } from '@hub/domain';
import { ConnectorError, type Connector } from '@hub/connectors';
import { createAgingServicesConnector } from '@hub/connectors/aging-services';
import { ISSUE_DAY, issueResidents } from '@hub/connectors/testing/issue-household';
import { residentSnapshot } from '@hub/connectors/testing/snapshots';
import { startSimulator, type RunningSimulator } from '../simulator/support';

const SLUG = 'aging-services';
const on = ISSUE_DAY;
const head = issueResidents.head;

describe('aging-services connector against the simulator', () => {
  let sim: RunningSimulator;
  let sut: Connector;
  const connector = (clientSecret = 'hub-aging-secret', pageSize?: number) =>
    createAgingServicesConnector({ baseUrl: sim.urls[SLUG], clientId: 'hub', clientSecret, pageSize });
  const records = () => sim.records<Record<string, unknown>>(SLUG);

  beforeAll(async () => {
    sim = await startSimulator('conn_aging');
    sut = connector();
  });
  afterAll(() => sim.stop());

  let elderId: string;

  it('creates a new elder with POST and keeps the department elderId', async () => {
    const { externalId } = await sut.push(head, null, on);
    expect(externalId).toBeTruthy();
    elderId = externalId!;
    const stored = await records();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      elderId,
      name: '王建国',
      gender: 'M',
      birthDate: '1963-05-10',
      livingStatus: 'with_spouse',
      allowanceLevel: 'none',
      status: 'active',
    });
  });

  it('updates a known elder with PUT, without a duplicate', async () => {
    const moved = { ...head, phone: '13900001111', livingStatus: 'alone' };
    expect(await sut.push(moved, { externalId: elderId }, on)).toEqual({ externalId: elderId });
    const stored = await records();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ phone: '13900001111', livingStatus: 'alone' });
  });

  it('keeps the emergency contact the office entered when the hub updates the elder', async () => {
    // The office's own client writes an emergency contact the hub does not hold.
    const base = sim.urls[SLUG];
    const token = (await (
      await fetch(`${base}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_id=hub&client_secret=hub-aging-secret',
      })
    ).json()) as { access_token: string };
    const auth = { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' };
    const [current] = await records();
    const contact = { name: '顾敏', phone: '13961200156' };
    const put = await fetch(`${base}/elders/${elderId}`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ ...current, emergencyContact: contact }),
    });
    expect(put.status).toBeLessThan(300);
    await sut.push({ ...head, phone: '13900002222' }, { externalId: elderId }, on);
    const [stored] = await records();
    expect(stored).toMatchObject({ phone: '13900002222', emergencyContact: contact });
  });

  it('renews an expired token transparently', async () => {
    await sim.clock(SLUG, new Date(Date.now() + 11 * 60_000).toISOString());
    try {
      expect(await sut.push(head, { externalId: elderId }, on)).toEqual({ externalId: elderId });
    } finally {
      await sim.clock(SLUG, null);
    }
  });

  it('ends a deceased elder with status deceased, and one who moved with moved', async () => {
    await sut.end({ ...head, lifeStatus: 'deceased', deathDate: '2025-08-30' }, { externalId: elderId }, on);
    expect((await records())[0].status).toBe('deceased');
    const other = residentSnapshot({
      birthDate: '1940-01-01',
      idNumber: makeCitizenId('320402', '1940-01-01', 21),
    });
    const { externalId } = await sut.push(other, null, on);
    await sut.end({ ...other, residenceStatus: 'moved_out' }, { externalId }, on);
    const stored = (await records()).find((r) => r.elderId === externalId);
    expect(stored).toMatchObject({ status: 'moved', allowanceLevel: '80-89' });
  });

  it('exports every elder, page by page', async () => {
    for (const seq of [31, 33, 35]) {
      await sut.push(
        residentSnapshot({ idNumber: makeCitizenId('320402', '1950-01-01', seq), birthDate: '1950-01-01' }),
        null,
        on,
      );
    }
    const exported: Array<Record<string, unknown>> = [];
    for await (const record of connector('hub-aging-secret', 2).exportAll()) exported.push(record);
    expect(exported).toHaveLength(5);
    expect(new Set(exported.map((r) => r.elderId)).size).toBe(5);
  });

  it('passes a business refusal on as final, in the department words', async () => {
    const valid = makeCitizenId('320402', '1950-03-03', 41);
    const badId = `${valid.slice(0, 17)}${valid.endsWith('0') ? '1' : '0'}`;
    const error: unknown = await sut
      .push(residentSnapshot({ idNumber: badId, birthDate: '1950-03-03' }), null, on)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: 'refused' });
    expect((error as ConnectorError).message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('reports wrong client credentials as auth', async () => {
    await expect(connector('wrong-secret').push(head, null, on)).rejects.toMatchObject({ kind: 'auth' });
  });

  it('reports a failing department as temporary', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    try {
      await expect(sut.push(head, { externalId: elderId }, on)).rejects.toMatchObject({ kind: 'temporary' });
    } finally {
      await sim.faults(SLUG, { errorRate: 0 });
    }
  });
});
