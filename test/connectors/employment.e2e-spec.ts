import { createEmploymentConnector } from '@hub/connectors/employment/employment.connector';
import { issueResidents } from '@hub/connectors/testing/issue-household';
import { residentSnapshot } from '@hub/connectors/testing/snapshots';
import { startSimulator, type RunningSimulator } from '../simulator/support';

const SLUG = 'employment';
const CREDENTIALS = { username: 'hub', password: 'hub-employment-secret' };
const on = new Date();

describe('employment connector against the simulator', () => {
  let sim: RunningSimulator;
  const connector = () => createEmploymentConnector({ baseUrl: sim.urls[SLUG], ...CREDENTIALS });
  const recordsOf = async (sfzhm: string | null) =>
    (await sim.records<Record<string, string>>(SLUG)).filter((r) => r.sfzhm === sfzhm);

  beforeAll(async () => {
    sim = await startSimulator('conn_employment');
  });
  afterAll(async () => {
    await sim?.stop();
  });
  afterEach(async () => {
    await sim.faults(SLUG, { errorRate: 0 });
    await sim.clock(SLUG, null);
  });

  it('push creates (own id kept), push again updates without a duplicate', async () => {
    const sut = connector();
    const spouse = { ...issueResidents.spouse, employmentStatus: '2', education: '30' };
    const created = await sut.push(spouse, null, on);
    expect(created.externalId).toBeTruthy();

    const updated = await sut.push({ ...spouse, phone: '13911112222' }, created, on);
    expect(updated).toEqual(created);
    const records = await recordsOf(spouse.idNumber);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      jyrybh: created.externalId,
      xm: '李秀英',
      lxdh: '13911112222',
      jyzt: '2',
    });
  });

  it('a resident without an employment status is refused before sending', async () => {
    await expect(connector().push(issueResidents.son, null, on)).rejects.toMatchObject({
      kind: 'refused',
      message: '就业状态不能为空（未发送）',
    });
  });

  it('end ends the record the system’s way', async () => {
    const sut = connector();
    const son = { ...issueResidents.son, employmentStatus: '3' };
    const known = await sut.push(son, null, on);
    await sut.end({ ...son, employmentStatus: '5' }, known, on);
    const [record] = await recordsOf(son.idNumber);
    // The system keeps the person, flagged as deregistered (注销标志).
    expect(record).toMatchObject({ jyrybh: known.externalId, zxbz: '1' });
  });

  it('exportAll reads everything, in the department’s Chinese headers', async () => {
    await connector().push(residentSnapshot({ birthDate: '1988-08-08', employmentStatus: '3' }), null, on);
    const exported: Array<Record<string, unknown>> = [];
    for await (const row of connector().exportAll()) exported.push(row);
    // The export lists current registrations: deregistered people are left out.
    const current = (await sim.records<{ zxbz?: string }>(SLUG)).filter((r) => r.zxbz !== '1');
    expect(exported).toHaveLength(current.length);
    expect(Object.keys(exported[0])).toEqual(
      expect.arrayContaining(['人员编号', '身份证号码', '姓名', '就业状态']),
    );
  });

  it('changes reports the job centre’s own updates', async () => {
    const sut = connector();
    const person = residentSnapshot({ birthDate: '1985-05-05', employmentStatus: '2', name: '陈志强' });
    const known = await sut.push(person, null, on);
    const before = await sut.changes!(null);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the cursor has one-second steps
    await sim.simulate(SLUG, 'update', { jyrybh: known.externalId, jyzt: '1' });
    const after = await sut.changes!(before.cursor);
    expect(after.changes).toContainEqual(
      expect.objectContaining({ externalId: known.externalId, fields: { employmentStatus: '1' } }),
    );
  });

  it('a business refusal is final and carries the department’s reason', async () => {
    const bad = residentSnapshot({
      idNumber: '320402196403151234',
      birthDate: '1990-01-01',
      employmentStatus: '1',
    });
    const error = await connector()
      .push(bad, null, on)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'refused' });
    expect((error as Error).message).toMatch(/身份证|号码/);
  });

  it('a name the system cannot hold is refused before sending', async () => {
    const before = (await sim.records(SLUG)).length;
    const rare = residentSnapshot({
      birthDate: '1990-01-01',
      name: '王𠀀',
      idNumber: '320402199001010017',
      employmentStatus: '1',
    });
    await expect(connector().push(rare, null, on)).rejects.toMatchObject({ kind: 'refused' });
    expect(await sim.records(SLUG)).toHaveLength(before);
  });

  it('an expired session (15 idle minutes) is renewed transparently', async () => {
    const sut = connector();
    const person = residentSnapshot({
      birthDate: '1992-02-02',
      name: '周敏',
      gender: '2',
      idNumber: '320402199202020027',
      employmentStatus: '1',
    });
    const known = await sut.push(person, null, on);
    await sim.clock(SLUG, new Date(Date.now() + 16 * 60_000).toISOString());
    await expect(sut.push({ ...person, phone: '13700001111' }, known, on)).resolves.toEqual(known);
  });

  it('errorRate 1 gives temporary', async () => {
    await sim.faults(SLUG, { errorRate: 1 });
    await expect(
      connector().push(residentSnapshot({ birthDate: '1990-01-01', employmentStatus: '1' }), null, on),
    ).rejects.toMatchObject({
      kind: 'temporary',
    });
  });
});
