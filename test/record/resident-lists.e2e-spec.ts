import { NEIGHBOUR, startApi, type ApiHarness } from '../support/api-app';
import { idFor, person, yearsAgo } from '../support/households';

/**
 * The lists a community keeps asking for (高龄 80+, 低保, 残疾, 失业, 独居), and the searches a
 * caller makes possible (the last four digits of an ID number, a phone, an address), always
 * within the worker's own community.
 */
/** The date `days` after today in China Standard Time, eighty years earlier (yyyy-MM-dd). */
function eightyYearsBefore(days: number): string {
  const day = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000);
  day.setUTCFullYear(day.getUTCFullYear() - 80);
  return day.toISOString().slice(0, 10);
}

describe('resident lists and search', () => {
  let h: ApiHarness;
  const ids: Record<string, string> = {};
  const idNumbers: Record<string, string> = {};

  async function register(body: Record<string, unknown>, token = h.tokens.worker): Promise<void> {
    const res = await h.http.post('/api/households').auth(token, { type: 'bearer' }).send(body);
    expect(res.status).toBe(201);
    const sent = body.members as Array<{ name: string }>;
    (res.body.members as Array<{ id: string }>).forEach((m, i) => (ids[sent[i].name] = m.id));
  }

  const elder = (name: string, birthDate: string, extra: Record<string, unknown> = {}, relation = '02') => {
    const p = person(name, relation, 0, '2', extra);
    const idNumber = idFor(birthDate, '2');
    idNumbers[name] = idNumber;
    return { ...p, birthDate, idNumber };
  };

  async function list(query: Record<string, string>, token = h.tokens.worker) {
    return h.http.get('/api/residents').query(query).auth(token, { type: 'bearer' });
  }
  const names = (res: { body: { items: Array<{ name: string }> } }) => res.body.items.map((r) => r.name);

  beforeAll(async () => {
    h = await startApi('resident_lists');
    await register({
      type: 'family',
      address: { estate: '松鹤苑', building: '8', unit: '1', room: '101' },
      members: [elder('周玉兰', yearsAgo(91, '01-10'), { livingStatus: 'alone', phone: '13611112222' })],
    });
    await register({
      type: 'family',
      address: { estate: '松鹤苑', building: '8', unit: '2', room: '202' },
      assistance: { type: 'dibao', amount: '980', approvedOn: '2025-03-01' },
      members: [
        elder('钱桂芳', yearsAgo(84, '06-30'), { disability: { type: '4', grade: '2' } }),
        { ...person('钱志强', '20', 45, '1'), employmentStatus: '2' },
      ],
    });
    await register({
      type: 'family',
      address: { estate: '青龙苑', building: '3', unit: '1', room: '301' },
      // 80 today (Beijing's date) is in the 80+ list; 80 tomorrow is not yet.
      members: [
        elder('孙秀珍', eightyYearsBefore(0)),
        elder('孙秀英', eightyYearsBefore(1), {}, '99'),
        person('孙立', '20', 50, '1'),
      ],
    });
    await register(
      {
        type: 'family',
        communityCode: NEIGHBOUR,
        address: { estate: '红梅新村', building: '2', unit: '1', room: '101' },
        members: [elder('邻社区老人', yearsAgo(88, '02-02'))],
      },
      h.tokens.admin,
    );
  }, 60_000);
  afterAll(() => h.close());

  it('lists the residents aged 80 and over of the worker’s community, oldest first', async () => {
    const res = await list({ ageMin: '80', sort: 'age-desc' });
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(['周玉兰', '钱桂芳', '孙秀珍']);
    expect(res.body.items[0].age).toBeGreaterThanOrEqual(res.body.items[1].age);
  });

  it('an age range includes both bounds', async () => {
    const res = await list({ ageMin: '45', ageMax: '50', sort: 'age-asc' });
    expect(names(res)).toEqual(['钱志强', '孙立']);
  });

  it('filters by status: 低保 household, disability, unemployed, living alone', async () => {
    expect(names(await list({ tags: 'assistance' })).sort()).toEqual(['钱志强', '钱桂芳'].sort());
    expect(names(await list({ tags: 'assistance,disability' }))).toEqual(['钱桂芳']);
    expect(names(await list({ tags: 'unemployed' }))).toEqual(['钱志强']);
    expect(names(await list({ tags: 'living-alone', ageMin: '80' }))).toEqual(['周玉兰']);
  });

  it('finds a resident by the last four digits of the ID number, by phone and by address', async () => {
    const last4 = idNumbers['孙秀珍'].slice(-4);
    const byLast4 = await list({ q: last4 });
    expect(names(byLast4)).toContain('孙秀珍');
    for (const item of byLast4.body.items as Array<{ idNumber: string }>) {
      // Masked in a list, but the tail a caller gives is the part shown.
      expect(item.idNumber.endsWith(last4) || item.idNumber.startsWith(last4)).toBe(true);
    }
    expect(names(await list({ q: '13611112222' }))).toEqual(['周玉兰']);
    expect(names(await list({ q: '松鹤苑8栋2单元' })).sort()).toEqual(['钱志强', '钱桂芳'].sort());
  });

  it('never lists another community’s residents', async () => {
    expect(names(await list({ ageMin: '85' }))).toEqual(['周玉兰']);
    expect(names(await list({ q: idNumbers['邻社区老人'].slice(-4) }))).not.toContain('邻社区老人');
  });

  it('keeps community corrections to those with the permission', async () => {
    const refused = await list({ tags: 'corrections' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('社区矫正');
    expect((await list({ tags: 'corrections' }, h.tokens.admin)).status).toBe(200);
  });

  it.each([
    [{ ageMin: 'eighty' }, 'ageMin', '年龄应为整数'],
    [{ ageMin: '90', ageMax: '80' }, 'ageMax', '年龄上限不能小于年龄下限'],
    [{ tags: 'rich' }, 'tags', '人员标签应为'],
    [{ sort: 'salary' }, 'sort', '排序应为'],
    [{ grid: '12' }, 'grid', '网格编码应为15位数字'],
  ])('refuses %j naming the field and why', async (query, field, message) => {
    const res = await list(query);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
    expect(JSON.stringify(res.body)).toContain(message);
  });
});
