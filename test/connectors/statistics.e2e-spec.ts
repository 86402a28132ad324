import { ConnectorError } from '@hub/connectors';
import {
  communityReport,
  createStatisticsConnector,
  type StatisticsConnector,
  type StatisticsReport,
} from '@hub/connectors/statistics';
import { householdSnapshot, residentSnapshot } from '@hub/connectors/testing/snapshots';
import { startSimulator, type RunningSimulator } from '../simulator/support';

const SLUG = 'statistics';
const HOUSEHOLD = '0b7d2a10-8e44-4d9b-a0a4-2c6f1c3e5b02';

/** The issue household's June 2025 report for its community. */
const juneReport = (): StatisticsReport => {
  const link = { householdId: HOUSEHOLD, householdNo: '320402123', relation: '20', headResidentId: null };
  const residents = [
    residentSnapshot({ birthDate: '1963-01-20', disability: { type: '4', grade: '2', certificateNo: null } }),
    residentSnapshot({ birthDate: '1990-03-02', gender: '2' }),
    residentSnapshot({ birthDate: '2006-02-11' }),
    residentSnapshot({ birthDate: '2022-03-10', gender: '2' }),
  ].map((r) => ({ ...r, household: { ...link, assistanceType: 'dibao' as const } }));
  const figures = communityReport(residents, [householdSnapshot({ id: HOUSEHOLD })], '2025-06');
  return { communityCode: '320402002001', ...figures };
};

describe('statistics connector against the simulator', () => {
  let sim: RunningSimulator;
  let sut: StatisticsConnector;
  const connector = (token = 'hub-stats-token') =>
    createStatisticsConnector({ baseUrl: sim.urls[SLUG], token });

  beforeAll(async () => {
    sim = await startSimulator('conn_stats');
    sut = connector();
  });
  afterAll(() => sim.stop());

  it('submits a monthly report and gets its report number, revision 1', async () => {
    await sim.clock(SLUG, '2025-07-02T10:00:00+08:00');
    const reply = await sut.submitReport(juneReport());
    expect(reply).toEqual({ reportNo: expect.any(String), revision: 1 });
    expect(await sim.records(SLUG)).toEqual([
      expect.objectContaining({
        communityCode: '320402002001',
        period: '2025-06',
        population: 4,
        dibaoPersons: 4,
      }),
    ]);
  });

  it('resubmitting before the deadline makes a new revision', async () => {
    const first = await sut.submitReport(juneReport());
    const second = await sut.submitReport({ ...juneReport(), unemployed: 1 });
    expect(second.revision).toBe(first.revision + 1);
  });

  it('after the deadline (the 5th of the next month) is a final refusal with the platform message', async () => {
    await sim.clock(SLUG, '2025-07-06T09:00:00+08:00');
    try {
      const error = (await sut.submitReport(juneReport()).catch((e: unknown) => e)) as ConnectorError;
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error.kind).toBe('refused');
      expect(error.final).toBe(true);
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    } finally {
      await sim.clock(SLUG, '2025-07-02T10:00:00+08:00');
    }
  });

  it('reports a wrong token as auth', async () => {
    await expect(connector('wrong').submitReport(juneReport())).rejects.toMatchObject({ kind: 'auth' });
  });

  it('reports the platform failing every call as temporary', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    try {
      await expect(sut.submitReport(juneReport())).rejects.toMatchObject({ kind: 'temporary' });
    } finally {
      await sim.faults(SLUG, { errorRate: 0 });
    }
  });

  it('never receives a person: push and end are refused before any call', async () => {
    const before = await sim.counters(SLUG);
    await expect(sut.push(residentSnapshot(), null, new Date())).rejects.toMatchObject({ kind: 'invalid' });
    await expect(sut.end(residentSnapshot(), null, new Date())).rejects.toMatchObject({ kind: 'invalid' });
    expect((await sim.counters(SLUG)).calls).toBe(before.calls);
  });
});
