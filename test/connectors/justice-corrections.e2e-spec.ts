import { makeCitizenId } from '@hub/domain';
import { ConnectorError, type Connector } from '@hub/connectors';
import { createJusticeCorrectionsConnector } from '@hub/connectors/justice-corrections';
import { residentSnapshot } from '@hub/connectors/testing/snapshots';
import { startSimulator, type RunningSimulator } from '../simulator/support';

const SLUG = 'justice-corrections';
const on = new Date();
const keys = { sm4Key: '0123456789abcdeffedcba9876543210', macKey: 'hub-justice-mac-key' };
type Stored = { sqjzrybh: string; sfzh: string; zt: string; lxdh?: string; jzqxEnd: string };

const corrections = { type: '2', start: '2026-01-01', end: '2099-12-31' };
const resident = (n: number, overrides: Parameters<typeof residentSnapshot>[0] = {}) =>
  residentSnapshot({
    id: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
    idNumber: makeCitizenId('320402', '1985-06-01', 200 + n * 2 + 1),
    birthDate: '1985-06-01',
    corrections,
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

describe('justice-corrections connector against the simulator', () => {
  let sim: RunningSimulator;
  let sut: Connector;

  beforeAll(async () => {
    sim = await startSimulator('conn_justice');
    sut = createJusticeCorrectionsConnector({ baseUrl: sim.urls[SLUG], ...keys, pageSize: 2 });
  });
  afterAll(() => sim?.stop());
  afterEach(async () => {
    await sim.faults(SLUG, { errorRate: 0, timeoutRate: 0, down: false, delayMs: 0 });
    await sim.clock(SLUG, null);
  });

  it('registers a person, keeps the sqjzrybh, and updates without a duplicate', async () => {
    const created = await sut.push(resident(1), null, on);
    expect(created.externalId).toBeTruthy();
    const again = await sut.push(resident(1, { phone: '13900001111' }), created, on);
    expect(again.externalId).toBe(created.externalId);
    const stored = (await sim.records<Stored>(SLUG)).filter((r) => r.sqjzrybh === created.externalId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ lxdh: '13900001111', zt: '1' });
  });

  it('ends by marking the person released (zt 2)', async () => {
    const { externalId } = await sut.push(resident(2), null, on);
    await sut.end(resident(2, { lifeStatus: 'deceased' }), { externalId }, on);
    const stored = (await sim.records<Stored>(SLUG)).find((r) => r.sqjzrybh === externalId);
    expect(stored?.zt).toBe('2');
  });

  it('exports everything through the pages', async () => {
    await sut.push(resident(3), null, on);
    const exported: Array<Record<string, unknown>> = [];
    for await (const record of sut.exportAll()) exported.push(record);
    const stored = await sim.records<Stored>(SLUG);
    expect(exported.map((r) => r.sqjzrybh).sort()).toEqual(stored.map((r) => r.sqjzrybh).sort());
    expect(exported.length).toBeGreaterThan(2);
  });

  it("reads the court's decisions from the change feed after the cursor", async () => {
    const { cursor } = await sut.changes!(null);
    const idNumber = makeCitizenId('320402', '1990-02-02', 301);
    await sim.simulate(SLUG, 'startCorrection', {
      xm: '赵六',
      sfzh: idNumber,
      xb: '1',
      jzlb: '3',
      jzqxStart: '2026-11-01',
      jzqxEnd: '2027-10-31',
      jzdz: '常州市天宁区青龙街道青龙苑5幢1单元302室',
    });
    const page = await sut.changes!(cursor);
    expect(page.changes).toHaveLength(1);
    expect(page.changes[0]).toMatchObject({
      idNumber,
      fields: { corrections: { type: '3', start: '2026-11-01', end: '2027-10-31' } },
    });

    await sim.simulate(SLUG, 'endCorrection', { sfzh: idNumber });
    const next = await sut.changes!(page.cursor);
    expect(next.changes).toHaveLength(1);
    expect(next.changes[0]).toMatchObject({ idNumber, fields: { corrections: null } });
    expect((await sut.changes!(next.cursor)).changes).toEqual([]);
  });

  it('keeps a business refusal final, with the department message', async () => {
    const error = await failureOf(sut.push(resident(5, { idNumber: '320402198506012030' }), null, on));
    expect(error.kind).toBe('refused');
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('is refused when its timestamp is over 5 minutes from the department clock', async () => {
    await sim.clock(SLUG, new Date(Date.now() + 10 * 60_000).toISOString());
    const error = await failureOf(sut.push(resident(6), null, on));
    expect(error.kind).toBe('auth');
  });

  it('reports a wrong MAC key as auth', async () => {
    const stranger = createJusticeCorrectionsConnector({ baseUrl: sim.urls[SLUG], ...keys, macKey: 'wrong' });
    expect((await failureOf(stranger.push(resident(7), null, on))).kind).toBe('auth');
  });

  it('reports the system failing as temporary', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    expect((await failureOf(sut.push(resident(8), null, on))).kind).toBe('temporary');
  });
});
