import type { INestApplicationContext } from '@nestjs/common';
import { StatisticsReporter } from '@hub/delivery';
import type { ApiHarness } from '../support/api-app';
import { familyOfFour } from '../support/households';
import type { RunningSimulator } from '../simulator/support';
import { currentPeriod, drained, startHub, type Hub, registerHousehold, type Rec } from './harness';

describe('One household entered once reaches every department that covers it', () => {
  let hub: Hub;
  let sim: RunningSimulator;
  let h: ApiHarness;
  let worker: INestApplicationContext;
  let ids: string[];

  beforeAll(async () => {
    hub = await startHub('fanout');
    ({ sim, h, worker } = hub);
    const body = familyOfFour();
    (body.address as Rec).gridCode = '320402002001001';
    // What the departments require of these people: employment status, and the son's political status.
    const members = body.members as Rec[];
    Object.assign(members[1], { employmentStatus: '1' });
    Object.assign(members[2], { employmentStatus: '2', politicalStatus: '03' });
    ids = (body.members as Array<{ idNumber: string }>).map((m) => m.idNumber);
    await registerHousehold(h, body);
    await drained(h);
  }, 180_000);

  afterAll(async () => {
    await hub?.close();
  });

  const [head, spouse, son, daughter] = [0, 1, 2, 3];
  const holds = async (slug: string, key: string): Promise<string[]> =>
    (await sim.records<Rec>(slug)).map((r) => String(r[key] ?? '')).filter(Boolean);

  it('translates codes into each department’s own words and formats', async () => {
    const byId = async (slug: string, key: string, id: string): Promise<Rec | undefined> =>
      (await sim.records<Rec>(slug)).find((r) => r[key] === id);
    expect(await byId('police-population', 'GMSFHM', ids[head])).toMatchObject({
      XB: '1',
      MZ: '01',
      CSRQ: expect.stringMatching(/^\d{8}$/),
      YHZGX: '02',
      RYLB: '1',
      ZT: '0',
    });
    expect(await byId('aging-services', 'idCard', ids[head])).toMatchObject({
      gender: 'M',
      status: 'active',
      allowanceLevel: 'none',
    });
    expect(await byId('employment', 'sfzhm', ids[spouse])).toMatchObject({
      xb: '2',
      jyzt: '1',
      csrq: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(await byId('social-insurance', '公民身份号码', ids[son])).toMatchObject({
      性别: '男',
      出生日期: expect.stringMatching(/^\d{4}\/\d{1,2}\/\d{1,2}$/),
    });
    expect(await byId('militia-conscription', '公民身份号码', ids[son])).toMatchObject({
      政治面貌: '共青团员',
      登记类型: '初次登记',
      出生年月: expect.stringMatching(/^\d{4}\.\d{2}$/),
    });
    expect(await byId('grid-governance', 'idNo', ids[head])).toMatchObject({
      sex: '男',
      nation: '汉族',
      focusTags: expect.arrayContaining(['残疾人', '低保户']),
    });
    expect(await byId('disability', 'idNumber', ids[head])).toMatchObject({
      disabilityType: '4',
      disabilityGrade: '2',
      status: 'valid',
    });
  });

  it('sends no field a department does not list', async () => {
    const keys = async (slug: string): Promise<string[]> =>
      Object.keys((await sim.records<Rec>(slug))[0] ?? {}).sort();
    expect(await keys('police-population')).toEqual(
      [
        'RYBH',
        'GMSFHM',
        'XM',
        'XB',
        'MZ',
        'CSRQ',
        'HH',
        'YHZGX',
        'HJDZ',
        'XZZ',
        'RYLB',
        'LXDH',
        'ZT',
        'BGSJ',
      ].sort(),
    );
    expect(await keys('aging-services')).toEqual(
      [
        'elderId',
        'name',
        'idCard',
        'gender',
        'birthDate',
        'phone',
        'address',
        'livingStatus',
        'allowanceLevel',
        'emergencyContact',
        'status',
      ].sort(),
    );
    expect(await keys('disability')).toEqual(
      [
        'cardNo',
        'name',
        'idNumber',
        'gender',
        'birthDate',
        'disabilityType',
        'disabilityGrade',
        'guardianName',
        'guardianPhone',
        'phone',
        'address',
        'status',
      ].sort(),
    );
    // No department that is not told about corrections, disability or assistance hears of them.
    const everything = JSON.stringify(
      await Promise.all(
        ['police-population', 'aging-services', 'employment', 'public-health', 'family-planning'].map((s) =>
          sim.records(s),
        ),
      ),
    );
    expect(everything).not.toMatch(/dibao|低保|disabilityType|残疾|jzlb|矫正/);
  });

  it('the next statistics report counts them', async () => {
    const reporter = worker.get(StatisticsReporter);
    const period = currentPeriod();
    const [submitted] = await reporter.submit(period, ['320402002001']);
    expect(submitted.reply.revision).toBe(1);
    const reports = await sim.records<Rec>('statistics');
    expect(reports.find((r) => r.communityCode === '320402002001' && r.period === period)).toMatchObject({
      households: 1,
      population: 4,
      male: 2,
      female: 2,
      registered: 4,
      floating: 0,
      age0to14: 1,
      age15to59: 2,
      age60plus: 1,
      age80plus: 0,
      disabled: 1,
      dibaoHouseholds: 1,
      dibaoPersons: 4,
      unemployed: 1,
    });
  });

  it('leaves nothing failed in the ledger', async () => {
    const failed = await h.db.query(`SELECT system, last_error FROM delivery WHERE status = 'failed'`);
    expect(failed).toEqual([]);
  });

  it('police-population and public-health hold all four', async () => {
    expect((await holds('police-population', 'GMSFHM')).sort()).toEqual([...ids].sort());
    const patients = await sim.records<{ identifier?: Array<{ value: string }> }>('public-health');
    expect(patients.map((p) => p.identifier?.[0]?.value).sort()).toEqual([...ids].sort());
  });

  it('aging-services holds the 62-year-old head only', async () => {
    expect(await holds('aging-services', 'idCard')).toEqual([ids[head]]);
  });

  it('disability holds the head with a card of type 4 grade 2', async () => {
    expect(await holds('disability', 'cardNo')).toEqual([`${ids[head]}42`]);
  });

  it('civil-assistance holds the household with its four members, head first', async () => {
    const households = await sim.records<{ headIdCard: string; assistanceType: string; members: Rec[] }>(
      'civil-assistance',
    );
    expect(households).toHaveLength(1);
    expect(households[0]).toMatchObject({ headIdCard: ids[head], assistanceType: 'dibao' });
    expect(households[0].members.map((m) => m.relation)).toEqual(['户主', '配偶', '子', '女']);
  });

  it('family-planning holds the woman of 35, her husband and the 3-year-old', async () => {
    expect((await holds('family-planning', 'sfzh')).sort()).toEqual(
      [ids[head], ids[spouse], ids[daughter]].sort(),
    );
  });

  it('employment holds the working-age spouse and son', async () => {
    expect((await holds('employment', 'sfzhm')).sort()).toEqual([ids[spouse], ids[son]].sort());
  });

  it('social-insurance holds everyone 16 or over', async () => {
    expect((await holds('social-insurance', '公民身份号码')).sort()).toEqual(
      [ids[head], ids[spouse], ids[son]].sort(),
    );
  });

  it('militia-conscription holds the 19-year-old son', async () => {
    expect(await holds('militia-conscription', '公民身份号码')).toEqual([ids[son]]);
  });

  it('justice-corrections holds no one', async () => {
    expect(await sim.records('justice-corrections')).toEqual([]);
  });

  it('grid-governance holds the four persons and their house', async () => {
    const records = await sim.records<Rec>('grid-governance');
    const persons = records.filter((r) => r.personId);
    expect(persons.map((p) => p.idNo).sort()).toEqual([...ids].sort());
    expect(persons.find((p) => p.idNo === ids[head])).toMatchObject({
      sex: '男',
      nation: '汉族',
      personType: '户籍',
    });
    expect(records.filter((r) => r.houseId)).toHaveLength(1);
  });
});
