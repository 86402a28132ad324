import { startApi, type ApiHarness } from '../support/api-app';
import {
  brokenFamily,
  familyOfFour,
  fullWidth,
  idEndingInX,
  legacyIdFor,
  yearsAgo,
  type Members,
} from '../support/households';
import { CASES, type Fixture } from './malformed-cases';

const CHINESE = /[\u4e00-\u9fff]/;
const WRITE_TABLES = [
  'resident',
  'household',
  'household_member',
  'address',
  'resident_version',
  'household_version',
  'outbox_event',
];

type RowCounts = Record<string, number>;

async function countRows(h: ApiHarness): Promise<RowCounts> {
  const counts: RowCounts = {};
  for (const table of WRITE_TABLES) {
    counts[table] = (await h.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  }
  const writes = await h.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action NOT LIKE '%.read'`);
  counts.audit_log_writes = writes[0].n;
  return counts;
}

describe('Malformed requests', () => {
  let h: ApiHarness;
  let fixture: Fixture;
  let before: RowCounts;
  let serverErrors = 0;

  const register = async (body: Record<string, unknown>) => {
    const res = await h.http.post('/api/households').auth(h.tokens.worker, { type: 'bearer' }).send(body);
    if (res.status !== 201) throw new Error(`household refused: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; members: Array<{ id: string }> };
  };

  beforeAll(async () => {
    h = await startApi('malformed');
    const family = await register(familyOfFour());
    const plainBody = brokenFamily((b) => delete b.assistance);
    const plain = await register(plainBody);
    const other = (plainBody.members as Members)[2];
    fixture = {
      householdId: family.id,
      plainHouseholdId: plain.id,
      headId: family.members[0].id,
      other: {
        idNumber: String(other.idNumber),
        birthDate: String(other.birthDate),
        gender: String(other.gender),
      },
    };
    before = await countRows(h);
  });
  afterAll(() => h.close());

  describe('are refused with a 4xx naming the field, in Chinese', () => {
    it('are at least 40 distinct cases', () => {
      expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
      expect(CASES.length).toBeGreaterThanOrEqual(40);
    });

    it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const path = typeof c.path === 'function' ? c.path(fixture) : c.path;
      const req = h.http[c.method](path).auth(h.tokens[c.as ?? 'worker'], { type: 'bearer' });
      const body = typeof c.body === 'function' ? c.body(fixture) : c.body;
      const res = await (c.raw !== undefined
        ? req.set('Content-Type', c.contentType ?? 'application/json').send(c.raw)
        : body !== undefined
          ? req.send(body)
          : req);
      if (res.status >= 500) serverErrors += 1;

      const errors = (res.body.errors ?? []) as Array<{ field: string; message: string }>;
      expect({
        status: res.status,
        message: res.body.message,
        fields: errors.map((e) => e.field),
        unexplained: errors.filter((e) => !CHINESE.test(e.message)),
        correlationId: typeof res.body.correlationId,
      }).toEqual({
        status: c.status,
        message: expect.stringMatching(CHINESE),
        fields: expect.arrayContaining(c.field === null ? [] : [c.field]),
        unexplained: [],
        correlationId: 'string',
      });
    });

    it('wrote nothing: no rows, versions, write audits or outbox events, and no 5xx', async () => {
      expect(await countRows(h)).toEqual(before);
      expect(serverErrors).toBe(0);
      const head = await h.http
        .get(`/api/residents/${fixture.headId}`)
        .auth(h.tokens.worker, { type: 'bearer' });
      expect(head.body).toMatchObject({ version: 1, lifeStatus: 'alive', residenceStatus: 'present' });
      expect(head.body.phone).toBe('13812345678');
    });
  });

  describe('normalisation that is accepted', () => {
    /** Registers familyOfFour() with member 1 changed and reads that member back. */
    const registerWith = async (values: Record<string, unknown>) => {
      const created = await register(brokenFamily((_, m) => Object.assign(m[1], values)));
      const read = await h.http
        .get(`/api/residents/${created.members[1].id}`)
        .auth(h.tokens.worker, { type: 'bearer' });
      return read.body;
    };

    it('takes a lower-case x that is right and stores it as X', async () => {
      const id = idEndingInX(yearsAgo(40), '2');
      const read = await registerWith({ idNumber: id.toLowerCase(), birthDate: yearsAgo(40), gender: '2' });
      expect(read.idNumber).toBe(id);
    });

    it('takes full-width digits, spaces and Ｘ and stores the plain number', async () => {
      const id = idEndingInX(yearsAgo(38), '2');
      const typed = ` ${fullWidth(id.slice(0, 6))}\u3000${id.slice(6, 14)} ${fullWidth(id.slice(14))} `;
      const read = await registerWith({ idNumber: typed, birthDate: yearsAgo(38), gender: '2' });
      expect(read.idNumber).toBe(id);
    });

    it('upgrades a right 15-digit legacy number to 18 digits', async () => {
      const legacy = legacyIdFor('1972-08-09', '2');
      const read = await registerWith({ idNumber: legacy, birthDate: '1972-08-09', gender: '2' });
      expect(read.idNumber).toMatch(new RegExp(`^${legacy.slice(0, 6)}19${legacy.slice(6)}[\\dX]$`));
    });

    it('tidies a name with a loose dot and spaces, and a phone with +86 and dashes', async () => {
      const read = await registerWith({ name: ' 阿依古丽 • 买买提 ', phone: '+86 138-1234-5679' });
      expect(read.name).toBe('阿依古丽·买买提');
      expect(read.phone).toBe('13812345679');
    });

    it('takes an amount given as a number with one decimal', async () => {
      const created = await register(
        brokenFamily((b) => ((b.assistance as Record<string, unknown>).amount = 950.5)),
      );
      const read = await h.http
        .get(`/api/households/${created.id}`)
        .auth(h.tokens.worker, { type: 'bearer' });
      expect(read.body.assistance.amount).toBe('950.50');
    });
  });
});
