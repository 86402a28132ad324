import { createSocialInsuranceConnector } from '@hub/connectors/social-insurance/social-insurance.connector';
import { issueResidents } from '@hub/connectors/testing/issue-household';
import { residentSnapshot } from '@hub/connectors/testing/snapshots';
import { startSimulator, type RunningSimulator } from '../simulator/support';

const SLUG = 'social-insurance';
const CREDENTIALS = { username: 'hub', password: 'hub-insurance-secret' };
/** Inside the 22:00–06:00 window, Beijing time. */
const NIGHT = '2025-09-01T23:00:00+08:00';
const AFTERNOON = '2025-09-01T14:30:00+08:00';

describe('social-insurance connector against the simulator', () => {
  let sim: RunningSimulator;
  const connector = () =>
    createSocialInsuranceConnector({
      baseUrl: sim.urls[SLUG],
      ...CREDENTIALS,
      pollIntervalMs: 200,
      resultTimeoutMs: 30_000,
    });
  const rowsOf = async (id: string | null) =>
    (await sim.records<Record<string, string>>(SLUG)).filter((r) => Object.values(r).includes(id ?? '-'));

  beforeAll(async () => {
    sim = await startSimulator('conn_insurance');
  });
  afterAll(async () => {
    await sim?.stop();
  });
  beforeEach(async () => {
    await sim.clock(SLUG, NIGHT);
  });
  afterEach(async () => {
    await sim.faults(SLUG, { errorRate: 0 });
  });

  it('one file: 新增 creates (个人编号 kept), 变更 updates without a duplicate, per-row results', async () => {
    const sut = connector();
    const spouse = issueResidents.spouse;
    const head = { ...issueResidents.head, pensionStatus: 'receiving' };
    const [a, b] = await sut.pushBatch(
      [
        { subject: spouse, known: null, action: 'upsert' },
        { subject: head, known: null, action: 'upsert' },
      ],
      new Date(NIGHT),
    );
    expect(a).toEqual({ ok: true, externalId: expect.any(String) });
    expect(b).toEqual({ ok: true, externalId: expect.any(String) });
    const personNo = (a as { externalId: string }).externalId;

    const [again] = await sut.pushBatch(
      [{ subject: { ...spouse, phone: '13911112222' }, known: { externalId: personNo }, action: 'upsert' }],
      new Date(NIGHT),
    );
    expect(again).toEqual({ ok: true, externalId: personNo });
    const rows = await rowsOf(spouse.idNumber);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 个人编号: personNo, 联系电话: '13911112222' });
  });

  it('终止 ends the record', async () => {
    const sut = connector();
    const son = issueResidents.son;
    const known = await sut.push(son, null, new Date(NIGHT));
    await sut.end({ ...son, pensionStatus: 'employee' }, known, new Date(NIGHT));
    const [row] = await rowsOf(son.idNumber);
    expect(row).toMatchObject({ 个人编号: known.externalId, 参保状态: '终止参保' });
  });

  it('a row the department rejects is a final refusal with its reason; the others go through', async () => {
    const elsewhere = residentSnapshot({ birthDate: '1977-07-07', name: '孙立' });
    await sim.simulate(SLUG, 'insured-elsewhere', { ids: [elsewhere.idNumber] });
    const fine = residentSnapshot({ birthDate: '1978-08-08', name: '钱明' });
    const [refused, ok] = await connector().pushBatch(
      [
        { subject: elsewhere, known: null, action: 'upsert' },
        { subject: fine, known: null, action: 'upsert' },
      ],
      new Date(NIGHT),
    );
    expect(refused).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect((refused as { error: Error }).error.message).toBeTruthy();
    expect(ok).toMatchObject({ ok: true });
  });

  it('outside the window: temporary, retried when the window opens', async () => {
    await sim.clock(SLUG, AFTERNOON);
    const error = await connector()
      .push(residentSnapshot({ birthDate: '1979-09-09' }), null, new Date(AFTERNOON))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'temporary',
      details: { status: 403, retryAfterMs: 7.5 * 3_600_000 },
    });
  });

  it('exportAll reads the whole roster', async () => {
    const exported: Array<Record<string, unknown>> = [];
    for await (const row of connector().exportAll()) exported.push(row);
    expect(exported).toHaveLength((await sim.records(SLUG)).length);
    expect(Object.keys(exported[0])).toEqual(
      expect.arrayContaining(['个人编号', '公民身份号码', '参保状态']),
    );
  });

  it('wrong credentials are auth', async () => {
    const sut = createSocialInsuranceConnector({
      baseUrl: sim.urls[SLUG],
      username: 'hub',
      password: 'wrong',
    });
    await expect(sut.push(residentSnapshot(), null, new Date(NIGHT))).rejects.toMatchObject({ kind: 'auth' });
  });

  it('errorRate 1 gives temporary', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    await expect(connector().push(residentSnapshot(), null, new Date(NIGHT))).rejects.toMatchObject({
      kind: 'temporary',
    });
  });
});
