import { maskCitizenId } from '@hub/domain';
import { ResolverService, SourceRecordRepository } from '@hub/resolution';
import { ELSEWHERE, startApi, type ApiHarness } from '../support/api-app';
import { backgroundPopulation } from './background-population';
import { ReviewDb } from './review-db';
import { people as p } from './review-people';

interface Match {
  goldenId: string;
  likelihood: 'link' | 'review';
  probability: number;
  name: string | null;
  idNumber: string | null;
}

/** The entry form's warning: the same model as the import, against the golden records. */
describe('possible-duplicate check at entry', () => {
  let h: ApiHarness;
  let db: ReviewDb;
  const check = (role: 'worker' | 'neighbour' | 'operator', body: object) =>
    h.http.post('/api/duplicate-check').auth(h.tokens[role], { type: 'bearer' }).send(body);

  beforeAll(async () => {
    h = await startApi('duplicate_check');
    db = new ReviewDb(h.db);
    await new SourceRecordRepository(h.db).upsert(
      [...Object.values(p), ...backgroundPopulation(200, ELSEWHERE)],
      new Date(),
    );
    await h.app.get(ResolverService).resolve();
  });
  afterAll(() => h.close());

  it('warns that a person with the same ID number is already recorded, linking the golden record', async () => {
    const res = await check('worker', { name: '张伟', idNumber: p.zhangPolice.idNumber });
    expect(res.status).toBe(200);
    const matches = res.body.matches as Match[];
    expect(matches[0]).toMatchObject({ goldenId: await db.goldenOf(p.zhangPolice), likelihood: 'link' });
  });

  it('finds a homophone with the same birth date and phone, and says it is only likely', async () => {
    const res = await check('worker', {
      name: '张玮',
      birthDate: '1985-03-07',
      gender: '1',
      phone: '13912345678',
    });
    expect(res.status).toBe(200);
    const ids = (res.body.matches as Match[]).map((m) => m.goldenId);
    expect(ids).toContain(await db.goldenOf(p.zhangPolice));
  });

  it('stays quiet for someone new', async () => {
    const res = await check('worker', { name: '钟馗', birthDate: '1990-01-01', gender: '1' });
    expect(res.status).toBe(200);
    expect(res.body.matches).toEqual([]);
  });

  it('masks a person recorded in another community', async () => {
    const res = await check('neighbour', { name: '张伟', idNumber: p.zhangPolice.idNumber });
    const [match] = res.body.matches as Match[];
    expect(match.idNumber).toBe(maskCitizenId(p.zhangPolice.idNumber!));
    expect(JSON.stringify(res.body)).not.toContain(p.zhangPolice.idNumber);
  });

  it('refuses an empty or malformed check with the field named, and IT operators', async () => {
    const empty = await check('worker', {});
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0]).toMatchObject({ field: 'name' });
    const badDate = await check('worker', { name: '张伟', birthDate: '85-3-7' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors[0].field).toBe('birthDate');
    expect(badDate.body.errors[0].message).toMatch(/出生日期/);
    expect((await check('operator', { name: '张伟' })).status).toBe(403);
  });
});
