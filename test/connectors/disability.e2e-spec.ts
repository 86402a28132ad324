import { makeCitizenId } from '@hub/domain';
import { ConnectorError, type Connector } from '@hub/connectors';
import { createDisabilityConnector } from '@hub/connectors/disability';
import { ISSUE_DAY, issueResidents } from '@hub/connectors/testing/issue-household';
import { residentSnapshot } from '@hub/connectors/testing/snapshots';
import { startSimulator, type RunningSimulator } from '../simulator/support';

const SLUG = 'disability';
const on = ISSUE_DAY;
const head = issueResidents.head;

describe('disability connector against the simulator', () => {
  let sim: RunningSimulator;
  let sut: Connector;
  const connector = (apiKey = 'hub-disability-key', pageSize?: number) =>
    createDisabilityConnector({ baseUrl: sim.urls[SLUG], apiKey, pageSize });
  const records = () => sim.records<Record<string, unknown>>(SLUG);

  beforeAll(async () => {
    sim = await startSimulator('conn_disability');
    sut = connector();
  });
  afterAll(() => sim.stop());

  const cardNo = `${head.idNumber}42`;

  it('puts a new certificate under its own number', async () => {
    expect(await sut.push(head, null, on)).toEqual({ externalId: cardNo });
    const stored = await records();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      cardNo,
      idNumber: head.idNumber,
      gender: '1',
      birthDate: '19630510',
      disabilityType: '4',
      disabilityGrade: '2',
      status: 'valid',
    });
  });

  it('updates a known certificate, without a duplicate', async () => {
    await sut.push({ ...head, phone: '13900002222' }, { externalId: cardNo }, on);
    const stored = await records();
    expect(stored).toHaveLength(1);
    expect(stored[0].phone).toBe('13900002222');
  });

  it('puts a re-graded certificate under a new number and revokes the old one', async () => {
    const regraded = { ...head, disability: { type: '4', grade: '1', certificateNo: null } };
    expect(await sut.push(regraded, { externalId: cardNo }, on)).toEqual({
      externalId: `${head.idNumber}41`,
    });
    const byCard = Object.fromEntries((await records()).map((r) => [r.cardNo, r.status]));
    expect(byCard).toEqual({ [cardNo]: 'revoked', [`${head.idNumber}41`]: 'valid' });
  });

  it('reads the department own changes from its feed', async () => {
    const first = await sut.changes!(null);
    await sim.simulate(SLUG, 'regrade', { cardNo: `${head.idNumber}41`, disabilityGrade: '3' });
    const page = await sut.changes!(first.cursor);
    const mine = page.changes.filter((c) => c.idNumber === head.idNumber);
    expect(mine.map((c) => c.fields)).toEqual([
      { disabilityType: '4', disabilityGrade: '3', disabilityCertificateNo: `${head.idNumber}43` },
    ]);
    const after = await sut.changes!(page.cursor);
    expect(after.changes).toEqual([]);
  });

  it('ends a certificate as deceased or revoked', async () => {
    const current = `${head.idNumber}43`;
    await sut.end({ ...head, lifeStatus: 'deceased' }, { externalId: current }, on);
    expect((await records()).find((r) => r.cardNo === current)?.status).toBe('deceased');
    const other = residentSnapshot({
      idNumber: makeCitizenId('320402', '1980-04-04', 51),
      birthDate: '1980-04-04',
      disability: { type: '1', grade: '3', certificateNo: null },
    });
    const { externalId } = await sut.push(other, null, on);
    await sut.end({ ...other, disability: null }, { externalId }, on);
    expect((await records()).find((r) => r.cardNo === externalId)?.status).toBe('revoked');
  });

  it('takes a certificate the department already ended as ended', async () => {
    const other = residentSnapshot({
      idNumber: makeCitizenId('320402', '1985-06-06', 71),
      birthDate: '1985-06-06',
      disability: { type: '2', grade: '4', certificateNo: null },
    });
    const { externalId } = await sut.push(other, null, on);
    await sim.simulate(SLUG, 'revoke', { cardNo: externalId });
    await expect(sut.end({ ...other, lifeStatus: 'deceased' }, { externalId }, on)).resolves.toBeUndefined();
  });

  it('exports every certificate, page by page', async () => {
    const exported: Array<Record<string, unknown>> = [];
    for await (const record of connector('hub-disability-key', 2).exportAll()) exported.push(record);
    expect(exported.map((r) => r.cardNo).sort()).toEqual((await records()).map((r) => r.cardNo).sort());
    expect(exported.length).toBeGreaterThanOrEqual(4);
  });

  it('passes a 422 refusal on as final, in the department words', async () => {
    const valid = makeCitizenId('320402', '1970-05-05', 61);
    const badId = `${valid.slice(0, 17)}${valid.endsWith('0') ? '1' : '0'}`;
    const subject = residentSnapshot({
      idNumber: badId,
      disability: { type: '2', grade: '2', certificateNo: null },
    });
    const error: unknown = await sut.push(subject, null, on).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: 'refused', details: { status: 422 } });
    expect((error as ConnectorError).message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('reports a wrong API key as auth', async () => {
    await expect(connector('wrong-key').push(head, null, on)).rejects.toMatchObject({ kind: 'auth' });
  });

  it('reports a failing department as temporary', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    try {
      await expect(sut.push(head, null, on)).rejects.toMatchObject({ kind: 'temporary' });
    } finally {
      await sim.faults(SLUG, { errorRate: 0 });
    }
  });
});
