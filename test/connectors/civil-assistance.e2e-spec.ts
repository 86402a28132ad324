import { makeCitizenId } from '@hub/domain';
import { ConnectorError, type Connector } from '@hub/connectors';
import { createCivilAssistanceConnector } from '@hub/connectors/civil-assistance';
import { ISSUE_DAY, issueHousehold } from '@hub/connectors/testing/issue-household';
import { startSimulator, type RunningSimulator } from '../simulator/support';

const SLUG = 'civil-assistance';
const on = ISSUE_DAY;

describe('civil-assistance connector against the simulator', () => {
  let sim: RunningSimulator;
  let sut: Connector;
  const connector = (appSecret = 'hub-civil-secret', pageSize?: number) =>
    createCivilAssistanceConnector({ baseUrl: sim.urls[SLUG], appKey: 'hub', appSecret, pageSize });
  const records = () => sim.records<Record<string, unknown>>(SLUG);

  beforeAll(async () => {
    sim = await startSimulator('conn_civil');
    sut = connector();
  });
  afterAll(() => sim.stop());

  let householdNo: string;

  it('creates a new household with POST and keeps the department householdNo', async () => {
    const { externalId } = await sut.push(issueHousehold, null, on);
    expect(externalId).toMatch(/^MZ\d{12}$/);
    householdNo = externalId!;
    const stored = await records();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      householdNo,
      headName: '王建国',
      assistanceType: 'dibao',
      status: 'active',
    });
    expect((stored[0].members as Array<{ relation: string }>).map((m) => m.relation)).toEqual([
      '户主',
      '配偶',
      '子',
      '女',
    ]);
  });

  it('updates a known household with PUT, without a duplicate', async () => {
    const raised = { ...issueHousehold, assistance: { ...issueHousehold.assistance!, amount: '1380.00' } };
    expect(await sut.push(raised, { externalId: householdNo }, on)).toEqual({ externalId: householdNo });
    const stored = await records();
    expect(stored).toHaveLength(1);
    expect(Number(stored[0].monthlyAmount)).toBe(1380);
  });

  it('reads the department own changes from its feed', async () => {
    const first = await sut.changes!(null);
    await sim.simulate(SLUG, 'change-amount', { householdNo, monthlyAmount: 1500 });
    const page = await sut.changes!(first.cursor);
    const mine = page.changes.filter((c) => c.externalId === householdNo);
    expect(mine.at(-1)?.fields).toMatchObject({ assistanceType: 'dibao', assistanceAmount: '1500.00' });
  });

  it('ends a household with status ended', async () => {
    await sut.end({ ...issueHousehold, status: 'dissolved' }, { externalId: householdNo }, on);
    const stored = await records();
    expect(stored).toHaveLength(1);
    expect(stored[0].status).toBe('ended');
  });

  it('exports every household, page by page', async () => {
    for (const seq of [41, 43, 45]) {
      const idNumber = makeCitizenId('320402', '1950-01-01', seq);
      const members = [{ ...issueHousehold.members[0], residentId: `r${seq}`, idNumber }];
      await sut.push({ ...issueHousehold, id: `h${seq}`, headResidentId: `r${seq}`, members }, null, on);
    }
    const exported: Array<Record<string, unknown>> = [];
    for await (const record of connector('hub-civil-secret', 2).exportAll()) exported.push(record);
    expect(exported).toHaveLength(4);
    expect(new Set(exported.map((r) => r.householdNo)).size).toBe(4);
  });

  it('ends a household whose assistance the hub cleared, with the department own amounts', async () => {
    const idNumber = makeCitizenId('320402', '1952-02-02', 51);
    const members = [{ ...issueHousehold.members[0], residentId: 'r51', idNumber }];
    const subject = { ...issueHousehold, id: 'h51', headResidentId: 'r51', members };
    const { externalId } = await sut.push(subject, null, on);
    await sut.end({ ...subject, assistance: null }, { externalId }, on);
    const stored = (await records()).find((r) => r.householdNo === externalId);
    expect(stored).toMatchObject({ status: 'ended', assistanceType: 'dibao', monthlyAmount: 1260.5 });
  });

  it('passes a business refusal on as final, in the department words', async () => {
    const valid = makeCitizenId('320402', '1960-01-01', 11);
    const badId = `${valid.slice(0, 17)}${valid.endsWith('0') ? '1' : '0'}`;
    const members = [{ ...issueHousehold.members[0], idNumber: badId }];
    const error: unknown = await sut.push({ ...issueHousehold, members }, null, on).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: 'refused', message: '户主身份证号码校验错误' });
    expect((error as ConnectorError).final).toBe(true);
  });

  it('reports a wrong app secret as auth', async () => {
    await expect(connector('wrong-secret').push(issueHousehold, null, on)).rejects.toMatchObject({
      kind: 'auth',
    });
  });

  it('reports a failing department as temporary', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    try {
      await expect(sut.push(issueHousehold, { externalId: householdNo }, on)).rejects.toMatchObject({
        kind: 'temporary',
      });
    } finally {
      await sim.faults(SLUG, { errorRate: 0 });
    }
  });
});
