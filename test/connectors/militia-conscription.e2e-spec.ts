import { makeCitizenId, type ResidentSnapshot } from '@hub/domain';
import { ConnectorError, type BatchConnector } from '@hub/connectors';
import { createMilitiaConscriptionConnector } from '@hub/connectors/militia-conscription';
import { residentSnapshot } from '@hub/connectors/testing/snapshots';
import { startSimulator, type RunningSimulator } from '../simulator/support';

const SLUG = 'militia-conscription';
const on = new Date();
const year = on.getFullYear();

const man = (n: number, birthYear = year - 19): ResidentSnapshot => {
  const birthDate = `${birthYear}-0${n}-15`;
  return residentSnapshot({
    id: `b0000000-0000-4000-8000-00000000000${n}`,
    name: ['王小军', '李强', '赵磊', '周涛'][n - 1],
    gender: '1',
    birthDate,
    idNumber: makeCitizenId('320402', birthDate, 10 + 2 * n + 1),
    maritalStatus: '10',
    education: '60',
    politicalStatus: '03',
  });
};

describe('militia-conscription connector against the simulator', () => {
  let sim: RunningSimulator;
  let sut: BatchConnector;
  const connector = (password = 'hub-militia-secret') =>
    createMilitiaConscriptionConnector({ baseUrl: sim.urls[SLUG], username: 'hub', password });
  const records = () => sim.records<Record<string, unknown>>(SLUG);
  const exported = async () => {
    const lines: Array<Record<string, unknown>> = [];
    for await (const line of sut.exportAll()) lines.push(line);
    return lines;
  };

  beforeAll(async () => {
    sim = await startSimulator('conn_militia');
    sut = connector();
  });
  afterAll(() => sim.stop());

  it('registers men for the first time from one community roster (no own id: externalId null)', async () => {
    const results = await sut.pushBatch(
      [man(1), man(2)].map((subject) => ({ subject, known: null, action: 'upsert' as const })),
      on,
    );
    expect(results).toEqual([
      { ok: true, externalId: null },
      { ok: true, externalId: null },
    ]);
    expect(await records()).toHaveLength(2);
  });

  it('changes a registration (变更登记) without a duplicate', async () => {
    await expect(sut.push({ ...man(1), phone: '13900001111' }, { externalId: null }, on)).resolves.toEqual({
      externalId: null,
    });
    const stored = await records();
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).toContain('13900001111');
  });

  it('maps a rejected row back to its item as a final refusal with the department reason', async () => {
    const tooOld = man(3, year - 30);
    const results = await sut.pushBatch(
      [
        { subject: man(4), known: null, action: 'upsert' },
        { subject: tooOld, known: null, action: 'upsert' },
      ],
      on,
    );
    expect(results[0]).toEqual({ ok: true, externalId: null });
    const rejected = results[1];
    if (rejected.ok) throw new Error('the over-age man was accepted');
    const error = rejected.error as ConnectorError;
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.kind).toBe('refused');
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('reads the year roster back from the export', async () => {
    const lines = await exported();
    const ids = lines.map((line) => line['公民身份号码']);
    expect(ids).toEqual(expect.arrayContaining([man(1).idNumber, man(2).idNumber, man(4).idNumber]));
    expect(lines.find((l) => l['公民身份号码'] === man(1).idNumber)).toMatchObject({
      姓名: '王小军',
      出生年月: `${year - 19}.01`,
      文化程度: '高中',
      政治面貌: '共青团员',
    });
  });

  it('ends a registration with 注销登记: the department drops him from the year roster', async () => {
    const before = await records();
    await sut.end({ ...man(2), residenceStatus: 'moved_out' }, { externalId: null }, on);
    expect(await records()).toHaveLength(before.length - 1);
    expect((await exported()).map((l) => l['公民身份号码'])).not.toContain(man(2).idNumber);
  });

  it('reports a wrong password as auth', async () => {
    await expect(connector('wrong').push(man(1), { externalId: null }, on)).rejects.toMatchObject({
      kind: 'auth',
    });
  });

  it('reports the department failing every call as temporary', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    try {
      await expect(sut.push(man(1), { externalId: null }, on)).rejects.toMatchObject({ kind: 'temporary' });
    } finally {
      await sim.faults(SLUG, { errorRate: 0 });
    }
  });
});
