import { makeCitizenId } from '@hub/domain';
import { ConnectorError, type BatchItem } from '@hub/connectors';
import { createGridGovernanceConnector, type GridGovernanceConnector } from '@hub/connectors/grid-governance';
import { householdSnapshot, residentSnapshot } from '@hub/connectors/testing/snapshots';
import { startSimulator, type RunningSimulator } from '../simulator/support';

const SLUG = 'grid-governance';
const TOKEN = 'hub-grid-token';
const on = new Date('2026-11-27T10:00:00+08:00');
type StoredPerson = { personId: string; phone?: string; status: string; focusTags: string[] };

const resident = (n: number, overrides: Parameters<typeof residentSnapshot>[0] = {}) =>
  residentSnapshot({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    idNumber: makeCitizenId('320402', '1970-04-04', 100 + n * 2 + 1),
    birthDate: '1970-04-04',
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

describe('grid-governance connector against the simulator', () => {
  let sim: RunningSimulator;
  let sut: GridGovernanceConnector;

  beforeAll(async () => {
    sim = await startSimulator('conn_grid');
    sut = createGridGovernanceConnector({ baseUrl: sim.urls[SLUG], token: TOKEN, pageSize: 2 });
  });
  afterAll(() => sim?.stop());
  afterEach(() => sim.faults(SLUG, { errorRate: 0, timeoutRate: 0, down: false, delayMs: 0 }));

  it('creates persons, keeps their personIds, and updates without duplicates', async () => {
    const items: BatchItem[] = [1, 2, 3].map((n) => ({
      subject: resident(n),
      known: null,
      action: 'upsert',
    }));
    const created = await sut.pushBatch(items, on);
    const ids = created.map((r) => (r.ok ? r.externalId : null));
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);

    const again = await sut.push(resident(1, { phone: '13900001111' }), { externalId: ids[0] }, on);
    expect(again.externalId).toBe(ids[0]);
    const stored = await sim.records<StoredPerson>(SLUG);
    expect(stored.filter((p) => p.personId === ids[0])).toHaveLength(1);
    expect(stored.find((p) => p.personId === ids[0])?.phone).toBe('13900001111');
  });

  it('sends a household as a house naming its members by personId', async () => {
    const household = householdSnapshot();
    const [head, spouse] = household.members;
    const results = await sut.pushBatch(
      [
        { subject: resident(10, { id: head.residentId }), known: null, action: 'upsert' },
        {
          subject: resident(11, {
            id: spouse.residentId,
            gender: '2',
            idNumber: spouse.idNumber,
            birthDate: spouse.birthDate,
          }),
          known: null,
          action: 'upsert',
        },
        { subject: household, known: null, action: 'upsert' },
      ],
      on,
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const houses: Array<Record<string, unknown>> = [];
    for await (const record of sut.exportAll()) if ('houseId' in record) houses.push(record);
    const [headResult, spouseResult, houseResult] = results.map((r) => (r.ok ? r.externalId : null));
    expect(houses.find((h) => h.houseId === houseResult)).toMatchObject({
      headPersonId: headResult,
      memberPersonIds: [headResult, spouseResult],
    });
  });

  it('ends the dead as deceased and the moved-out as left', async () => {
    const [dead, gone] = await sut.pushBatch(
      [20, 21].map((n) => ({ subject: resident(n), known: null, action: 'upsert' as const })),
      on,
    );
    const deadId = dead.ok ? dead.externalId : null;
    const goneId = gone.ok ? gone.externalId : null;
    await sut.end(resident(20, { lifeStatus: 'deceased' }), { externalId: deadId }, on);
    await sut.end(resident(21, { residenceStatus: 'moved_out' }), { externalId: goneId }, on);
    const stored = await sim.records<StoredPerson>(SLUG);
    expect(stored.find((p) => p.personId === deadId)?.status).toBe('deceased');
    expect(stored.find((p) => p.personId === goneId)?.status).toBe('left');
  });

  it('exports every person through the page tokens', async () => {
    const persons: Array<Record<string, unknown>> = [];
    for await (const record of sut.exportAll()) if ('personId' in record) persons.push(record);
    const stored = await sim.records<StoredPerson>(SLUG);
    const storedPersons = stored.filter((r) => 'personId' in r && !('houseId' in r));
    expect(persons.map((p) => p.personId).sort()).toEqual(storedPersons.map((p) => p.personId).sort());
    expect(persons.length).toBeGreaterThan(2);
  });

  it("reads the grid workers' findings after the cursor", async () => {
    const { cursor } = await sut.changes!(null);
    const { externalId } = await sut.push(resident(30), null, on);
    const mine = await sut.changes!(cursor);
    expect(mine.changes.map((c) => c.externalId)).toEqual([externalId]);

    await sim.simulate(SLUG, 'phoneChanged', { personId: externalId, phone: '13700007777' });
    await sim.simulate(SLUG, 'moveAway', { personId: externalId });
    const tenantId = makeCitizenId('320402', '1995-09-09', 22);
    await sim.simulate(SLUG, 'newTenant', {
      person: {
        gridCode: '320402002001001',
        name: '陈新',
        idNo: tenantId,
        sex: '女',
        birthday: '1995-09-09',
        nation: '汉族',
        phone: '13600006666',
        houseAddress: '3-2-501',
        personType: '流动',
        focusTags: [],
        status: 'normal',
      },
    });
    const page = await sut.changes!(mine.cursor);
    expect(page.changes.map((c) => c.fields)).toEqual([
      { phone: '13700007777' },
      { residenceStatus: 'moved_out' },
      expect.objectContaining({ name: '陈新', gender: '2', registrationType: 'floating' }),
    ]);
    expect(page.changes[2].idNumber).toBe(tenantId);
    expect((await sut.changes!(page.cursor)).changes).toEqual([]);
  });

  it('keeps a per-item business refusal final, with the platform reason', async () => {
    const error = await failureOf(sut.push(resident(40, { gender: '2' }), null, on));
    expect(error.kind).toBe('refused');
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('reports a wrong token as auth', async () => {
    const stranger = createGridGovernanceConnector({ baseUrl: sim.urls[SLUG], token: 'wrong' });
    expect((await failureOf(stranger.push(resident(41), null, on))).kind).toBe('auth');
  });

  it('reports the platform failing as temporary', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    expect((await failureOf(sut.push(resident(42), null, on))).kind).toBe('temporary');
  });
});

describe('grid-governance connector against the rate-limited simulator', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator('conn_grid_realism', { SIM_REALISM: 'on' });
  });
  afterAll(() => sim?.stop());

  it('gets 429 as temporary with Retry-After when calling too fast, and none at its own pace', async () => {
    const hasty = createGridGovernanceConnector({
      baseUrl: sim.urls[SLUG],
      token: TOKEN,
      minCallIntervalMs: 0,
    });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, n) => hasty.push(resident(50 + n), null, on)),
    );
    const limited = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as ConnectorError] : []));
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]).toMatchObject({ kind: 'temporary', details: { status: 429 } });
    expect(limited[0].details.retryAfterMs).toBeGreaterThan(0);

    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const paced = createGridGovernanceConnector({ baseUrl: sim.urls[SLUG], token: TOKEN });
    for (let n = 0; n < 8; n++) await paced.push(resident(70 + n), null, on);
  });
});
