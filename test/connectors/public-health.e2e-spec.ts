import { makeCitizenId } from '@hub/domain';
import { ConnectorError, type Connector } from '@hub/connectors';
import { createPublicHealthConnector } from '@hub/connectors/public-health';
import { residentSnapshot } from '@hub/connectors/testing/snapshots';
import { startSimulator, type RunningSimulator } from '../simulator/support';

const SLUG = 'public-health';
const on = new Date('2026-11-27T10:00:00+08:00');
type StoredPatient = { id: string; telecom?: Array<{ value: string }>; deceasedBoolean?: boolean };

const resident = (n: number, overrides: Parameters<typeof residentSnapshot>[0] = {}) =>
  residentSnapshot({
    id: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
    idNumber: makeCitizenId('320402', '1980-01-01', 100 + n * 2 + 1),
    birthDate: '1980-01-01',
    ...overrides,
  });

async function failureOf(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError');
}

describe('public-health connector against the simulator', () => {
  let sim: RunningSimulator;
  let sut: Connector;

  beforeAll(async () => {
    sim = await startSimulator('conn_public_health');
    sut = createPublicHealthConnector({ baseUrl: sim.urls[SLUG], token: 'hub-health-token', pageSize: 2 });
  });
  afterAll(() => sim?.stop());
  afterEach(() => sim.faults(SLUG, { errorRate: 0, timeoutRate: 0, down: false, delayMs: 0 }));

  it('creates an archive, keeps its number, and updates it without a duplicate', async () => {
    const created = await sut.push(resident(1), null, on);
    expect(created.externalId).toMatch(/^\d{17}$/);

    const again = await sut.push(resident(1, { phone: '13900001111' }), created, on);
    expect(again.externalId).toBe(created.externalId);
    const stored = await sim.records<StoredPatient>(SLUG);
    expect(stored.filter((p) => p.id === created.externalId)).toHaveLength(1);
    expect(stored.find((p) => p.id === created.externalId)?.telecom?.[0].value).toBe('13900001111');
  });

  it('updates over a version the clinic wrote in between (If-Match on the current version)', async () => {
    const { externalId } = await sut.push(resident(2), null, on);
    await sim.simulate(SLUG, 'updateArchive', { id: externalId, changes: { birthDate: '1980-01-01' } });
    await expect(sut.push(resident(2, { phone: '13900002222' }), { externalId }, on)).resolves.toEqual({
      externalId,
    });
  });

  it('ends a death with deceasedBoolean', async () => {
    const { externalId } = await sut.push(resident(3), null, on);
    await sut.end(resident(3, { lifeStatus: 'deceased', deathDate: '2026-11-26' }), { externalId }, on);
    const stored = (await sim.records<StoredPatient>(SLUG)).find((p) => p.id === externalId);
    expect(stored?.deceasedBoolean).toBe(true);
  });

  it('exports everything through the Bundle pages', async () => {
    const exported: Array<Record<string, unknown>> = [];
    for await (const patient of sut.exportAll()) exported.push(patient);
    const stored = await sim.records<StoredPatient>(SLUG);
    expect(exported.map((p) => p.id).sort()).toEqual(stored.map((p) => p.id).sort());
    expect(exported.length).toBeGreaterThan(2);
  });

  it("reads the clinic's own changes after the cursor", async () => {
    const { cursor } = await sut.changes!(null);
    const { externalId } = await sut.push(resident(4), null, on);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const page = await sut.changes!(cursor);
    expect(page.changes.map((c) => c.externalId)).toEqual([externalId]);

    await new Promise((resolve) => setTimeout(resolve, 5));
    await sim.simulate(SLUG, 'registerDeath', { id: externalId });
    const next = await sut.changes!(page.cursor);
    expect(next.changes).toHaveLength(1);
    expect(next.changes[0]).toMatchObject({ externalId, fields: { lifeStatus: 'deceased' } });
    expect((await sut.changes!(next.cursor)).changes).toEqual([]);
  });

  it('keeps a business refusal final, with the department message', async () => {
    const bad = resident(5, { idNumber: '320402198001011230' });
    const error = await failureOf(sut.push(bad, null, on));
    expect(error.kind).toBe('refused');
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('reports a wrong token as auth', async () => {
    const stranger = createPublicHealthConnector({ baseUrl: sim.urls[SLUG], token: 'wrong' });
    expect((await failureOf(stranger.push(resident(6), null, on))).kind).toBe('auth');
  });

  it('reports the system failing as temporary', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    expect((await failureOf(sut.push(resident(7), null, on))).kind).toBe('temporary');
  });
});
