import { join } from 'node:path';
import { Client } from 'pg';
import { makeCitizenId } from '@hub/domain';
import { ConnectorError } from '@hub/connectors';
import { createFamilyPlanningConnector, type FamilyPlanningConnector } from '@hub/connectors/family-planning';
import { residentSnapshot } from '@hub/connectors/testing/snapshots';
import { startSimulator, type RunningSimulator } from '../simulator/support';

const SLUG = 'family-planning';
const on = new Date();

/** The department's front database: `<simulator database>_fp`, with the login it issues the hub. */
const frontDatabaseUrl = (simulatorUrl: string, user = 'fp_hub', password = 'hub-fp-secret'): string => {
  const url = new URL(simulatorUrl);
  url.pathname = `${url.pathname}_fp`;
  url.username = user;
  url.password = password;
  return url.toString();
};

const woman = residentSnapshot({
  id: 'f0000000-0000-4000-8000-000000000001',
  version: 1,
  name: '陈静',
  gender: '2',
  birthDate: '1992-04-18',
  idNumber: makeCitizenId('320402', '1992-04-18', 24),
  maritalStatus: '20',
  spouseIdNumber: makeCitizenId('320402', '1990-01-09', 15),
  childrenCount: 1,
});

describe('family-planning connector against the simulator', () => {
  let sim: RunningSimulator;
  let sut: FamilyPlanningConnector;
  const opened: FamilyPlanningConnector[] = [];
  const connector = (options: { user?: string; maxWaitMs?: number } = {}) => {
    const made = createFamilyPlanningConnector({
      connectionString: frontDatabaseUrl(sim.databaseUrl, options.user),
      maxWaitMs: options.maxWaitMs ?? 15_000,
      pollIntervalMs: 100,
      timeoutMs: 5_000,
    });
    opened.push(made);
    return made;
  };
  const person = async (rkbh: string) =>
    (await sim.records<Record<string, unknown>>(SLUG)).filter((r) => r.rkbh === rkbh);

  beforeAll(async () => {
    sim = await startSimulator('conn_fp', { SIM_SEED_DIR: join(__dirname, '../simulator/fixtures') });
    sut = connector();
  });
  afterAll(async () => {
    await Promise.all(opened.map((c) => c.close()));
    await sim.stop();
  });

  let rkbh: string;

  it('inserts a new person (czlx I), waits for the outcome and keeps the department rkbh', async () => {
    const { externalId } = await sut.push(woman, null, on);
    expect(externalId).toMatch(/^RK/);
    rkbh = externalId!;
    expect(await person(rkbh)).toEqual([
      expect.objectContaining({
        xm: '陈静',
        sfzh: woman.idNumber,
        xb: '2',
        hyzk: '20',
        pobsfzh: woman.spouseIdNumber,
      }),
    ]);
  });

  it('is idempotent: a retried push of the same version is ignored by the department, not doubled', async () => {
    const before = (await sim.records(SLUG)).length;
    expect(await sut.push(woman, null, on)).toEqual({ externalId: rkbh });
    expect(await sim.records(SLUG)).toHaveLength(before);
  });

  it('updates a known person (czlx U) without a duplicate', async () => {
    const before = (await sim.records(SLUG)).length;
    const renamed = { ...woman, version: 2, name: '陈晶', childrenCount: 2 };
    expect(await sut.push(renamed, { externalId: rkbh }, on)).toEqual({ externalId: rkbh });
    expect(await person(rkbh)).toEqual([expect.objectContaining({ xm: '陈晶', znsl: 2 })]);
    expect(await sim.records(SLUG)).toHaveLength(before);
  });

  it('reads the whole master table', async () => {
    const all: Array<Record<string, unknown>> = [];
    for await (const row of sut.exportAll()) all.push(row);
    expect(all).toHaveLength((await sim.records(SLUG)).length);
    expect(all).toContainEqual(expect.objectContaining({ rkbh, xm: '陈晶', csrq: '1992-04-18' }));
    expect(all.every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/.test(String(r.gxsj)))).toBe(true);
  });

  it('reads a birth registered at the clinic from the change feed', async () => {
    let page = await sut.changes!(null);
    for (let next = page; next.changes.length > 0; next = await sut.changes!(page.cursor)) page = next;
    const childId = makeCitizenId('320402', '2026-01-05', 31);
    await sim.simulate(SLUG, 'birth', {
      motherRkbh: rkbh,
      xm: '陈小雨',
      sfzh: childId,
      xb: '1',
      csrq: '2026-01-05',
    });
    const { changes } = await sut.changes!(page.cursor);
    expect(changes).toContainEqual(
      expect.objectContaining({
        idNumber: childId,
        fields: expect.objectContaining({ name: '陈小雨', gender: '1', birthDate: '2026-01-05' }),
      }),
    );
  });

  it('passes on a refusal as final, with the department message', async () => {
    const mistyped = woman.idNumber!.slice(0, 17) + (woman.idNumber!.endsWith('1') ? '2' : '1');
    const bad = { ...woman, id: 'f0000000-0000-4000-8000-000000000009', idNumber: mistyped };
    const error = (await sut.push(bad, null, on).catch((e: unknown) => e)) as ConnectorError;
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.kind).toBe('refused');
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('ends a person with czlx D, in the department own way', async () => {
    await sut.end({ ...woman, version: 3, lifeStatus: 'deceased' }, { externalId: rkbh }, on);
    // The department deletes the person from its master table.
    expect(await person(rkbh)).toEqual([]);
  });

  it('re-establishes connections the department dropped, without a failure', async () => {
    const admin = new Client({
      connectionString: new URL(sim.databaseUrl).toString().replace(/\/([^/?]+)(\?|$)/, '/$1_fp$2'),
    });
    await admin.connect();
    try {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'fp_hub'`);
    } finally {
      await admin.end();
    }
    const other = {
      ...woman,
      id: 'f0000000-0000-4000-8000-000000000002',
      idNumber: makeCitizenId('320402', '1993-05-06', 26),
      birthDate: '1993-05-06',
    };
    await expect(sut.push(other, null, on)).resolves.toEqual({ externalId: expect.stringMatching(/^RK/) });
  });

  // The test PostgreSQL trusts local connections, so a login it does not know stands for a wrong one.
  it('classifies a refused login as auth', async () => {
    await expect(connector({ user: 'fp_unknown' }).push(woman, null, on)).rejects.toMatchObject({
      kind: 'auth',
    });
  });

  it('while the department is down, a push fails with a retryable (non-final) error', async () => {
    const impatient = connector({ maxWaitMs: 1_500 });
    await sim.faults(SLUG, { down: true });
    try {
      const subject = { ...woman, version: 4, name: '陈静' };
      const error = (await impatient
        .push(subject, { externalId: rkbh }, on)
        .catch((e: unknown) => e)) as ConnectorError;
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error.final).toBe(false);
    } finally {
      await sim.faults(SLUG, { down: false });
    }
  });
});
