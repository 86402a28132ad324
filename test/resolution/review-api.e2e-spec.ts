import { maskCitizenId, maskName } from '@hub/domain';
import type { SourcePerson } from '@hub/matching';
import { ResolverService, SourceRecordRepository, type ResolveSummary } from '@hub/resolution';
import { ELSEWHERE, HOME, NEIGHBOUR, startApi, type ApiHarness } from '../support/api-app';
import { backgroundPopulation } from './background-population';
import { ReviewDb } from './review-db';
import { people as p } from './review-people';

type Role = keyof ApiHarness['tokens'];

interface Item {
  id: string;
  score: number;
  communityCode: string | null;
  a: { system: string; recordId: string; name: string | null };
  b: { system: string; recordId: string; name: string | null };
  evidence: Array<{ field: string; level: string; weight: number; a: string | null; b: string | null }>;
}

const key = (x: { system: string; recordId: string }) => `${x.system}/${x.recordId}`;
const pair = (x: { system: string; recordId: string }, y: { system: string; recordId: string }) =>
  [key(x), key(y)].sort().join(' ~ ');
const CHINESE = /[\u4e00-\u9fff]/;

/** The undecided pairs of HOME: two for 周敏 and two for 张伟/张玮 (one per linked copy), one for 陈建国. */
const HOME_PAIRS = [
  pair(p.zhouPolice, p.zhouFamilyPlanning),
  pair(p.zhouGrid, p.zhouFamilyPlanning),
  pair(p.zhangPolice, p.zhangHealth),
  pair(p.zhangGrid, p.zhangHealth),
  pair(p.chenPolice, p.chenPension),
].sort();

describe('Reviewing duplicates over HTTP', () => {
  let h: ApiHarness;
  let db: ReviewDb;
  let resolver: ResolverService;
  let first: ResolveSummary;
  /** Taken just before 陈建国's merge, to check that unmerging restores exactly that. */
  let beforeMerge: { rows: unknown[]; police: object; pension: object };
  let chenGolden: string;
  const as = (role: Role) => ({
    get: (path: string) => h.http.get(path).auth(h.tokens[role], { type: 'bearer' }),
    post: (path: string) => h.http.post(path).auth(h.tokens[role], { type: 'bearer' }).send({}),
  });
  const pending = async (role: Role): Promise<Item[]> => {
    const res = await as(role).get('/api/reviews?limit=100');
    expect(res.status).toBe(200);
    return res.body.items as Item[];
  };
  const reviewId = async (x: SourcePerson, y: SourcePerson): Promise<string> => {
    const review = await db.review(x, y);
    if (review?.status !== 'pending') throw new Error(`fixture: ${pair(x, y)} is not pending`);
    return review.id;
  };

  beforeAll(async () => {
    h = await startApi('review_api');
    db = new ReviewDb(h.db);
    const staged = [...Object.values(p), ...backgroundPopulation(200, ELSEWHERE)];
    await new SourceRecordRepository(h.db).upsert(staged, new Date());
    resolver = h.app.get(ResolverService);
    first = await resolver.resolve();
  });
  afterAll(() => h.close());

  it('resolves the hand-made cases as a reviewer would expect', async () => {
    // With a few hundred records the model is sensible: an equal ID links, reviews sit between.
    expect(first.model.thresholds.review).toBeGreaterThan(0);
    expect(first.model.thresholds.link).toBeGreaterThan(first.model.thresholds.review);
    expect(await db.goldenOf(p.wangPolice)).toBe(await db.goldenOf(p.wangAging));
    expect(await db.goldenOf(p.zhangPolice)).toBe(await db.goldenOf(p.zhangGrid));
    expect(await db.goldenOf(p.zhaoPolice)).toBe(await db.goldenOf(p.zhaoEmployment));
    expect(await db.goldenOf(p.twinXin)).not.toBe(await db.goldenOf(p.twinYi));
    expect(await db.review(p.twinXin, p.twinYi)).toBeUndefined();
    expect(await db.goldenOf(p.zhangHealth)).not.toBe(await db.goldenOf(p.zhangPolice));
    expect(await db.goldenOf(p.chenPolice)).not.toBe(await db.goldenOf(p.chenPension));
  });

  it('shows a worker exactly their community’s pending pairs, with both sides and the evidence', async () => {
    const items = await pending('worker');
    expect(items.map((i) => pair(i.a, i.b)).sort()).toEqual(HOME_PAIRS);
    expect(items.every((i) => i.communityCode === HOME)).toBe(true);
    const scores = items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const zhang = items.find((i) => pair(i.a, i.b) === pair(p.zhangPolice, p.zhangHealth));
    const name = zhang?.evidence.find((e) => e.field === 'name');
    expect(name).toMatchObject({ level: 'same-pinyin' });
    expect([name?.a, name?.b].sort()).toEqual(['张伟', '张玮']);
    expect(zhang?.evidence.find((e) => e.field === 'id')).toMatchObject({ level: 'missing', weight: 0 });
    expect(zhang?.evidence.find((e) => e.field === 'birthDate')).toMatchObject({ level: 'swapped' });

    const page = await as('worker').get('/api/reviews?offset=1&limit=2');
    expect(page.body.total).toBe(HOME_PAIRS.length);
    expect(page.body.items.map((i: Item) => i.id)).toEqual(items.slice(1, 3).map((i) => i.id));
  });

  it('keeps each community to its own pairs, and IT operators out', async () => {
    const neighbour = await pending('neighbour');
    expect(neighbour.map((i) => pair(i.a, i.b))).toEqual([pair(p.linPolice, p.linHealth)]);
    const street = await pending('supervisor');
    expect(street.map((i) => pair(i.a, i.b)).sort()).toEqual(
      [...HOME_PAIRS, pair(p.linPolice, p.linHealth)].sort(),
    );
    const city = await pending('admin');
    expect(city.some((i) => i.communityCode === ELSEWHERE)).toBe(true);
    expect(new Set(city.map((i) => i.communityCode))).toEqual(new Set([HOME, NEIGHBOUR, ELSEWHERE]));

    const operator = await as('operator').get('/api/reviews');
    expect(operator.status).toBe(403);
    expect(operator.body.message).toMatch(CHINESE);
    const id = await reviewId(p.chenPolice, p.chenPension);
    const before = await db.state();
    expect((await as('operator').post(`/api/reviews/${id}/merge`)).status).toBe(403);
    expect((await as('neighbour').post(`/api/reviews/${id}/merge`)).status).toBe(404);
    expect((await as('neighbour').post(`/api/reviews/${id}/keep-apart`)).status).toBe(404);
    expect(await db.state()).toEqual(before);
  });

  it('answers bad input with the field and a Chinese message, and changes nothing', async () => {
    const before = await db.state();
    const unknownGolden = '00000000-0000-4000-8000-000000000000';
    const cases: Array<[string, () => ReturnType<ReturnType<typeof as>['get']>, number, string | null]> = [
      ['non-numeric review id', () => as('worker').post('/api/reviews/abc/merge'), 400, 'id'],
      [
        'review id beyond bigint',
        () => as('worker').post(`/api/reviews/${'9'.repeat(20)}/keep-apart`),
        400,
        'id',
      ],
      ['limit above 100', () => as('worker').get('/api/reviews?limit=1000'), 400, 'limit'],
      ['limit not a number', () => as('worker').get('/api/reviews?limit=abc'), 400, 'limit'],
      ['negative offset', () => as('worker').get('/api/reviews?offset=-1'), 400, 'offset'],
      ['unknown parameter', () => as('worker').get('/api/reviews?status=merged'), 400, 'status'],
      ['unknown review', () => as('worker').post('/api/reviews/987654321/merge'), 404, null],
      ['unknown golden record', () => as('worker').get(`/api/golden/${unknownGolden}`), 404, null],
      ['unmerge unknown golden', () => as('worker').post(`/api/golden/${unknownGolden}/unmerge`), 404, null],
      ['malformed golden id', () => as('worker').get('/api/golden/not-an-id'), 404, null],
    ];
    const chinese: unknown = expect.stringMatching(CHINESE);
    for (const [label, call, status, field] of cases) {
      const res = await call();
      // Validation names the field; "not found" has no field to name, only its message.
      const errors = field ? [{ field, message: chinese }] : [];
      expect({ label, status: res.status, errors: res.body.errors }).toEqual({ label, status, errors });
      expect(res.body.message).toMatch(CHINESE);
    }
    expect((await as('worker').get('/api/reviews?limit=1000')).body.errors[0].message).toBe('每页最多100条');
    expect(await db.state()).toEqual(before);
  });

  it('merges a pair into one golden record, once', async () => {
    const id = await reviewId(p.chenPolice, p.chenPension);
    const [policeGolden, pensionGolden] = [await db.goldenOf(p.chenPolice), await db.goldenOf(p.chenPension)];
    beforeMerge = {
      rows: await db.sourceRows(),
      police: await db.goldenValues(policeGolden),
      pension: await db.goldenValues(pensionGolden),
    };
    const res = await as('worker').post(`/api/reviews/${id}/merge`);
    expect(res.status).toBe(200);
    const goldenId = res.body.goldenId as string;
    chenGolden = goldenId;
    expect(res.body).toEqual({ id, status: 'merged', goldenId });
    expect([policeGolden, pensionGolden]).toContain(goldenId);
    expect(await db.goldenOf(p.chenPolice)).toBe(goldenId);
    expect(await db.goldenOf(p.chenPension)).toBe(goldenId);
    const absorbed = goldenId === policeGolden ? pensionGolden : policeGolden;
    expect((await db.goldenValues(absorbed)).status).toBe('retired');

    const golden = await as('worker').get(`/api/golden/${goldenId}`);
    expect(golden.status).toBe(200);
    expect(golden.body).toMatchObject({ status: 'active', name: '陈建国', phone: '13951230045' });
    expect(golden.body.sources).toEqual([
      { system: p.chenPolice.system, recordId: p.chenPolice.recordId },
      { system: p.chenPension.system, recordId: p.chenPension.recordId },
    ]);
    expect(golden.body.history).toContainEqual(
      expect.objectContaining({
        action: 'merged',
        actor: expect.any(String),
        detail: { absorbed: [absorbed], review: id },
      }),
    );
    expect((await pending('worker')).map((i) => i.id)).not.toContain(id);
    expect(await db.review(p.chenPolice, p.chenPension)).toEqual({ id, status: 'merged' });

    const again = await as('worker').post(`/api/reviews/${id}/merge`);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(CHINESE);
    await resolver.resolve();
    expect(await db.goldenOf(p.chenPension)).toBe(goldenId);
  });

  it('unmerges back into exactly the golden records there were, and resolving again respects it', async () => {
    const res = await as('worker').post(`/api/golden/${chenGolden}/unmerge`);
    expect(res.status).toBe(200);
    const [police, pension] = [await db.goldenOf(p.chenPolice), await db.goldenOf(p.chenPension)];
    expect(police).not.toBe(pension);
    expect([...res.body.goldenIds].sort()).toEqual([police, pension].sort());
    expect(await db.sourceRows()).toEqual(beforeMerge.rows);
    expect(await db.goldenValues(police)).toEqual(beforeMerge.police);
    expect(await db.goldenValues(pension)).toEqual(beforeMerge.pension);
    const history = await as('worker').get(`/api/golden/${chenGolden}`);
    expect(history.body.history.map((e: { action: string }) => e.action)).toContain('unmerged');

    const again = await resolver.resolve();
    expect(again.sourceRecords).toBe(first.sourceRecords);
    expect(await db.goldenOf(p.chenPolice)).toBe(police);
    expect(await db.goldenOf(p.chenPension)).toBe(pension);
    expect(await db.goldenValues(police)).toEqual(beforeMerge.police);
    expect(await db.goldenValues(pension)).toEqual(beforeMerge.pension);
    expect(await db.pendingBetween(police, pension)).toBe(0);
    expect((await pending('worker')).map((i) => pair(i.a, i.b))).not.toContain(
      pair(p.chenPolice, p.chenPension),
    );

    const single = await as('worker').post(`/api/golden/${pension}/unmerge`);
    expect(single.status).toBe(400);
    expect(single.body.errors).toEqual([{ field: 'goldenId', message: expect.stringMatching(CHINESE) }]);
  });

  it('closes the sibling pair of a merged person: the question was answered', async () => {
    const id = await reviewId(p.zhouPolice, p.zhouFamilyPlanning);
    const sibling = await reviewId(p.zhouGrid, p.zhouFamilyPlanning);
    const res = await as('supervisor').post(`/api/reviews/${id}/merge`);
    expect(res.status).toBe(200);
    const golden = await as('supervisor').get(`/api/golden/${res.body.goldenId}`);
    expect(golden.body.sources.map(key).sort()).toEqual(
      [p.zhouPolice, p.zhouGrid, p.zhouFamilyPlanning].map(key).sort(),
    );
    expect(await db.review(p.zhouGrid, p.zhouFamilyPlanning)).toEqual({ id: sibling, status: 'superseded' });
    expect((await as('worker').post(`/api/reviews/${sibling}/keep-apart`)).status).toBe(409);
  });

  it('keeps a pair apart for good: no later run proposes those two people again', async () => {
    const id = await reviewId(p.zhangPolice, p.zhangHealth);
    const sibling = await reviewId(p.zhangGrid, p.zhangHealth);
    const res = await as('worker').post(`/api/reviews/${id}/keep-apart`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id, status: 'kept_apart' });
    expect(await db.review(p.zhangGrid, p.zhangHealth)).toEqual({ id: sibling, status: 'superseded' });
    expect((await as('worker').post(`/api/reviews/${id}/keep-apart`)).status).toBe(409);

    for (let run = 0; run < 2; run++) {
      await resolver.resolve();
      const [zhang, health] = [await db.goldenOf(p.zhangPolice), await db.goldenOf(p.zhangHealth)];
      expect(zhang).not.toBe(health);
      expect(await db.goldenOf(p.zhangGrid)).toBe(zhang);
      expect(await db.pendingBetween(zhang, health)).toBe(0);
    }
    expect(await db.review(p.zhangPolice, p.zhangHealth)).toEqual({ id, status: 'kept_apart' });
    expect(await pending('worker')).toEqual([]);
  });

  it('shows IT operators a golden record masked, and everyone else in full', async () => {
    const golden = await db.goldenOf(p.wangPolice);
    const id = p.wangPolice.idNumber as string;
    const masked = await as('operator').get(`/api/golden/${golden}`);
    expect(masked.status).toBe(200);
    expect(masked.body).toMatchObject({ idNumber: maskCitizenId(id), name: maskName('王秀英') });
    const body = JSON.stringify(masked.body);
    for (const secret of [id, '王秀英', '13605190022', '青龙苑', p.wangAging.recordId]) {
      expect(body).not.toContain(secret);
    }
    const open = await as('worker').get(`/api/golden/${golden}`);
    expect(open.body).toMatchObject({ idNumber: id, name: '王秀英', phone: '13605190022' });
    expect(open.body.sources).toHaveLength(2);
    expect((await as('neighbour').get(`/api/golden/${golden}`)).status).toBe(404);
  });

  it('reports the overlap to admins and IT operators only', async () => {
    for (const role of ['admin', 'operator'] as const) {
      const res = await as(role).get('/api/resolution/report');
      expect(res.status).toBe(200);
      expect(res.body.sourceRecords).toBe(first.sourceRecords);
      expect(res.body.decided).toEqual({ merged: 2, keptApart: 1 });
      expect(JSON.stringify(res.body)).not.toMatch(/\d{17}[\dX]|王秀英/);
    }
    expect((await as('worker').get('/api/resolution/report')).status).toBe(403);
  });
});
