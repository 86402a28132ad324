import { NEIGHBOUR, startApi, type ApiHarness } from '../support/api-app';
import {
  brokenFamily,
  familyOfFour,
  fullWidth,
  idEndingInX,
  idFor,
  legacyIdFor,
  person,
  withWrongCheck,
  yearsAgo,
  type Members,
} from '../support/households';

const CHINESE = /[\u4e00-\u9fff]/;
const WRITE_TABLES = [
  'resident',
  'household',
  'household_member',
  'address',
  'resident_version',
  'household_version',
  'outbox_event',
] as const;

/** Records the refused requests aim at, registered before the row counts are taken. */
interface Fixture {
  householdId: string;
  plainHouseholdId: string;
  headId: string;
  spouseId: string;
  /** A person recorded in the plain household, to clash with. */
  other: { id: string; idNumber: string; birthDate: string; gender: string };
}

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

interface Case {
  name: string;
  method: Method;
  path: string | ((f: Fixture) => string);
  /** A body for supertest to serialise, or `raw` JSON text for keys object literals cannot hold. */
  body?: unknown;
  raw?: string;
  contentType?: string;
  as?: 'worker' | 'operator';
  status: number;
  /** The request path of the field the answer must name; null where none applies (413, bad JSON, 404). */
  field: string | null;
}

const post = (name: string, body: unknown, field: string | null, status = 400): Case => ({
  name,
  method: 'post',
  path: '/api/households',
  body,
  status,
  field,
});

/** JSON text with `"__KEY__"` replaced by a key a JS object literal would not keep as data. */
const rawWith = (body: unknown, key: string): string => JSON.stringify(body).replace('"__KEY__"', JSON.stringify(key));

const residentPath = (suffix = '') => (f: Fixture) => `/api/residents/${f.headId}${suffix}`;
const householdPath = (suffix = '') => (f: Fixture) => `/api/households/${f.householdId}${suffix}`;
const tomorrow = (): string => new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10);

const legacy = legacyIdFor('1985-06-12', '1');
const xId = idEndingInX(yearsAgo(40), '2');

const CASES: Case[] = [
  // — registering a household: familyOfFour() with one thing broken —
  post('bad check character', brokenFamily((_, m) => (m[1].idNumber = withWrongCheck(String(m[1].idNumber)))), 'members[1].idNumber'),
  post('ID number of 17 digits', brokenFamily((_, m) => (m[1].idNumber = String(m[1].idNumber).slice(0, 17))), 'members[1].idNumber'),
  post('birth date disagreeing with the ID', brokenFamily((_, m) => (m[2].birthDate = yearsAgo(20, '03-16'))), 'members[2].birthDate'),
  post('gender disagreeing with the ID', brokenFamily((_, m) => (m[0].gender = '2')), 'members[0].gender'),
  post(
    '15-digit legacy number whose derived birth date disagrees',
    brokenFamily((_, m) => Object.assign(m[0], { idNumber: legacy, birthDate: '1985-06-13', gender: '1' })),
    'members[0].birthDate',
  ),
  post(
    'full-width digits that normalise to a wrong check character',
    brokenFamily((_, m) => (m[1].idNumber = fullWidth(withWrongCheck(String(m[1].idNumber))))),
    'members[1].idNumber',
  ),
  post('unknown ethnicity code', brokenFamily((_, m) => (m[1].ethnicity = '57')), 'members[1].ethnicity'),
  post(
    'future birth date',
    brokenFamily((_, m) => Object.assign(m[3], { idNumber: undefined, birthDate: tomorrow() })),
    'members[3].birthDate',
  ),
  post('impossible calendar date', brokenFamily((_, m) => Object.assign(m[3], { idNumber: undefined, birthDate: '2023-02-30' })), 'members[3].birthDate'),
  post('birth date as 2020/01/01', brokenFamily((_, m) => Object.assign(m[3], { idNumber: undefined, birthDate: '2020/01/01' })), 'members[3].birthDate'),
  post('empty name', brokenFamily((_, m) => (m[0].name = '')), 'members[0].name'),
  post('blank name', brokenFamily((_, m) => (m[0].name = ' \u3000 ')), 'members[0].name'),
  post('200-character name', brokenFamily((_, m) => (m[0].name = '王'.repeat(200))), 'members[0].name'),
  post('SQL in a name', brokenFamily((_, m) => (m[1].name = "李'); DROP TABLE resident;--")), 'members[1].name'),
  post('HTML in a name', brokenFamily((_, m) => (m[1].name = '<script>alert(1)</script>')), 'members[1].name'),
  post('number for the name', brokenFamily((_, m) => (m[0].name = 12345)), 'members[0].name'),
  post('number for the ID number', brokenFamily((_, m) => (m[0].idNumber = Number(String(m[0].idNumber).slice(0, 17)))), 'members[0].idNumber'),
  post('number for the gender', brokenFamily((_, m) => (m[0].gender = 1)), 'members[0].gender'),
  post('number for the building', brokenFamily((b) => ((b.address as Record<string, unknown>).building = 3)), 'address.building'),
  post('number for the household number', brokenFamily((b) => (b.householdNo = 320402123)), 'householdNo'),
  post('null for a required name', brokenFamily((_, m) => (m[2].name = null)), 'members[2].name'),
  post('null for the household type', brokenFamily((b) => (b.type = null)), 'type'),
  post('unknown household type', brokenFamily((b) => (b.type = 'commune')), 'type'),
  post('no address', brokenFamily((b) => delete b.address), 'address'),
  post('address as text', brokenFamily((b) => (b.address = '青龙苑3幢')), 'address'),
  post('over-long estate', brokenFamily((b) => ((b.address as Record<string, unknown>).estate = '青'.repeat(61))), 'address.estate'),
  post('over-long room', brokenFamily((b) => ((b.address as Record<string, unknown>).room = '1'.repeat(11))), 'address.room'),
  post('bad household number', brokenFamily((b) => (b.householdNo = '12345')), 'householdNo'),
  post('bad grid code', brokenFamily((b) => ((b.address as Record<string, unknown>).gridCode = '32040200200')), 'address.gridCode'),
  post('grid of another community', brokenFamily((b) => ((b.address as Record<string, unknown>).gridCode = `${NEIGHBOUR}001`)), 'address.gridCode'),
  post('grid cell that does not exist', brokenFamily((b) => ((b.address as Record<string, unknown>).gridCode = '320402002001999')), 'address.gridCode'),
  post('assistance amount with 3 decimals', brokenFamily((b) => ((b.assistance as Record<string, unknown>).amount = '1200.125')), 'assistance.amount'),
  post('negative assistance amount', brokenFamily((b) => ((b.assistance as Record<string, unknown>).amount = -5)), 'assistance.amount'),
  post('unknown assistance type', brokenFamily((b) => ((b.assistance as Record<string, unknown>).type = 'wubao')), 'assistance.type'),
  post('future approval date', brokenFamily((b) => ((b.assistance as Record<string, unknown>).approvedOn = tomorrow())), 'assistance.approvedOn'),
  post('bad phone', brokenFamily((_, m) => (m[0].phone = '12345')), 'members[0].phone'),
  post('unknown marital status', brokenFamily((_, m) => (m[1].maritalStatus = '99')), 'members[1].maritalStatus'),
  post('no registration type', brokenFamily((_, m) => delete m[1].registrationType), 'members[1].registrationType'),
  post('disability grade 5 on a member', brokenFamily((_, m) => (m[0].disability = { type: '4', grade: '5' })), 'members[0].disability.grade'),
  post('relation code unknown', brokenFamily((_, m) => (m[2].relation = '98')), 'members[2].relation'),
  post('no head', brokenFamily((_, m) => (m[0].relation = '10')), 'members'),
  post('two heads', brokenFamily((_, m) => (m[1].relation = '02')), 'members[1].relation'),
  post(
    'the same ID twice in one request',
    brokenFamily((_, m) => Object.assign(m[2], { idNumber: m[1].idNumber, birthDate: m[1].birthDate, gender: m[1].gender })),
    'members[2].idNumber',
  ),
  post('zero members', brokenFamily((b) => (b.members = [])), 'members'),
  post(
    '31 members',
    brokenFamily((b, m) => (b.members = [...m, ...Array.from({ length: 27 }, (_, i) => person('王亲戚', '99', 20 + i, '1'))])),
    'members',
  ),
  post('members as an object', brokenFamily((b, m) => (b.members = { ...m })), 'members'),
  post('a member that is null', brokenFamily((_, m) => (m[3] = null as unknown as Record<string, unknown>)), 'members[3]'),
  post('a member that is a number', brokenFamily((_, m) => (m[3] = 7 as unknown as Record<string, unknown>)), 'members[3]'),
  post('bad joined-on date', brokenFamily((b) => (b.joinedOn = '2025-1-1')), 'joinedOn'),
  post('unknown extra field at top level', brokenFamily((b) => (b.isVip = true)), 'isVip'),
  post('unknown extra field in a member', brokenFamily((_, m) => (m[1].nickname = '小李')), 'members[1].nickname'),
  post('unknown extra field in the address', brokenFamily((b) => ((b.address as Record<string, unknown>).floor = 5)), 'address.floor'),
  post('corrections on a member without permission', brokenFamily((_, m) => (m[0].corrections = { type: '2', start: '2025-01-01', end: '2027-01-01' })), 'members[0].corrections', 403),
  post('another community named by a worker', brokenFamily((b) => (b.communityCode = NEIGHBOUR)), 'communityCode', 403),
  post('bad community code', brokenFamily((b) => (b.communityCode = '3204')), 'communityCode'),
  {
    name: '__proto__ at top level',
    method: 'post',
    path: '/api/households',
    raw: rawWith({ __KEY__: { isAdmin: true }, ...familyOfFour() }, '__proto__'),
    status: 400,
    field: '__proto__',
  },
  {
    name: '__proto__ inside a member',
    method: 'post',
    path: '/api/households',
    raw: rawWith(brokenFamily((_, m) => (m[1] = { __KEY__: { relation: '02' }, ...m[1] })), '__proto__'),
    status: 400,
    field: 'members[1].__proto__',
  },
  {
    name: 'constructor at top level',
    method: 'post',
    path: '/api/households',
    raw: rawWith({ __KEY__: { prototype: { x: 1 } }, ...familyOfFour() }, 'constructor'),
    status: 400,
    field: 'constructor',
  },
  {
    name: 'constructor inside a member',
    method: 'post',
    path: '/api/households',
    raw: rawWith(brokenFamily((_, m) => (m[0] = { __KEY__: { name: 'x' }, ...m[0] })), 'constructor'),
    status: 400,
    field: 'members[0].constructor',
  },
  // — not a JSON object at all —
  post('an array body', [familyOfFour()], '(请求内容)'),
  { name: 'a JSON string body', method: 'post', path: '/api/households', raw: '"一户人家"', status: 400, field: null },
  { name: 'a JSON null body', method: 'post', path: '/api/households', raw: 'null', status: 400, field: null },
  { name: 'invalid JSON text', method: 'post', path: '/api/households', raw: '{"type": "family", "members": [', status: 400, field: null },
  {
    name: 'plain text instead of JSON',
    method: 'post',
    path: '/api/households',
    raw: 'type=family&members=4',
    contentType: 'text/plain',
    status: 400,
    field: '(请求内容)',
  },
  {
    name: 'JSON in an unsupported charset',
    method: 'post',
    path: '/api/households',
    raw: JSON.stringify(familyOfFour()),
    contentType: 'application/json; charset=latin1',
    status: 415,
    field: null,
  },
  {
    name: 'a 10 MB body',
    method: 'post',
    path: '/api/households',
    raw: JSON.stringify(brokenFamily((_, m) => (m[0].name = '王'.repeat(10 * 1024 * 1024 / 3)))),
    status: 413,
    field: null,
  },
  // — changing a resident —
  { name: 'PATCH: empty name', method: 'patch', path: residentPath(), body: { name: '' }, status: 400, field: 'name' },
  {
    name: 'PATCH: birth date disagreeing with the stored ID',
    method: 'patch',
    path: residentPath(),
    body: { birthDate: '1950-01-01' },
    status: 400,
    field: 'birthDate',
  },
  { name: 'PATCH: version as text', method: 'patch', path: residentPath(), body: { phone: '13900000000', expectedVersion: 'v1' }, status: 400, field: 'expectedVersion' },
  { name: 'PATCH: life status directly', method: 'patch', path: residentPath(), body: { lifeStatus: 'deceased' }, status: 400, field: 'lifeStatus' },
  { name: 'PATCH: disability through the wrong door', method: 'patch', path: residentPath(), body: { disability: { type: '1', grade: '1' } }, status: 400, field: 'disability' },
  {
    name: "PATCH: another recorded person's ID",
    method: 'patch',
    path: residentPath(),
    body: (f: Fixture) => ({ idNumber: f.other.idNumber, birthDate: f.other.birthDate, gender: f.other.gender }),
    status: 409,
    field: 'idNumber',
  },
  { name: 'PATCH: malformed resident id', method: 'patch', path: '/api/residents/1%20OR%201=1', body: { phone: '13900000000' }, status: 404, field: null },
  { name: 'PATCH: by the IT operator', method: 'patch', path: residentPath(), body: { phone: '13900000000' }, as: 'operator', status: 403, field: null },
  // — members, births, move-ins —
  { name: 'new member as a second head', method: 'post', path: householdPath('/members'), body: person('王新', '02', 30, '1'), status: 400, field: 'relation' },
  { name: 'new member without a name', method: 'post', path: householdPath('/members'), body: { ...person('王新', '20', 30, '1'), name: undefined }, status: 400, field: 'name' },
  {
    name: 'new member already recorded',
    method: 'post',
    path: householdPath('/members'),
    body: (f: Fixture) => ({ ...person('王新', '20', 30, '1'), idNumber: f.other.idNumber, birthDate: f.other.birthDate, gender: f.other.gender }),
    status: 409,
    field: 'idNumber',
  },
  { name: 'new member of an unknown household', method: 'post', path: '/api/households/6f1c1c1e-0000-4000-8000-000000000000/members', body: person('王新', '20', 30, '1'), status: 404, field: null },
  { name: 'birth in the future', method: 'post', path: householdPath('/births'), body: { ...person('王宝', '30', 0, '2'), idNumber: undefined, birthDate: tomorrow() }, status: 400, field: 'birthDate' },
  { name: 'move-in of nobody recorded', method: 'post', path: householdPath('/move-ins'), body: { idNumber: idFor('1990-01-01', '1'), relation: '20' }, status: 400, field: 'idNumber' },
  { name: 'move-in with a bad check character', method: 'post', path: householdPath('/move-ins'), body: { idNumber: withWrongCheck(idFor('1990-01-01', '1')), relation: '20' }, status: 400, field: 'idNumber' },
  // — life events —
  { name: 'death with a future date', method: 'post', path: residentPath('/death'), body: { date: tomorrow() }, status: 400, field: 'date' },
  { name: 'death with a bad date format', method: 'post', path: residentPath('/death'), body: { date: '20/11/2025' }, status: 400, field: 'date' },
  { name: 'move-out in month 13', method: 'post', path: residentPath('/move-out'), body: { date: '2025-13-01' }, status: 400, field: 'date' },
  { name: 'address change with an empty estate', method: 'post', path: residentPath('/address'), body: { address: { estate: '', building: '1', room: '101' } }, status: 400, field: 'address.estate' },
  { name: 'marriage with an unknown status', method: 'post', path: residentPath('/marriage'), body: { maritalStatus: '29' }, status: 400, field: 'maritalStatus' },
  { name: 'marriage to a malformed spouse id', method: 'post', path: residentPath('/marriage'), body: { maritalStatus: '20', spouseId: 'abc' }, status: 400, field: 'spouseId' },
  { name: 'marriage to oneself', method: 'post', path: residentPath('/marriage'), body: (f: Fixture) => ({ maritalStatus: '20', spouseId: f.headId }), status: 400, field: 'spouseId' },
  // — status tags and assistance —
  { name: 'disability grade 5', method: 'put', path: residentPath('/tags/disability'), body: { type: '4', grade: '5' }, status: 400, field: 'grade' },
  { name: 'disability type as a number', method: 'put', path: residentPath('/tags/disability'), body: { type: 4, grade: '2' }, status: 400, field: 'type' },
  { name: 'corrections by a worker without permission', method: 'put', path: residentPath('/tags/corrections'), body: { type: '2', start: '2025-01-01', end: '2027-01-01' }, status: 403, field: null },
  { name: 'ending corrections without permission', method: 'delete', path: residentPath('/tags/corrections'), status: 403, field: null },
  { name: 'unknown living status', method: 'put', path: residentPath('/tags/living'), body: { status: 'x' }, status: 400, field: 'status' },
  { name: 'unknown tag kind', method: 'delete', path: residentPath('/tags/vip'), status: 404, field: null },
  { name: 'assistance with 3 decimals', method: 'put', path: householdPath('/assistance'), body: { type: 'dibao', amount: 800.555, approvedOn: '2025-01-01' }, status: 400, field: 'amount' },
  { name: 'ending assistance nobody receives', method: 'delete', path: (f) => `/api/households/${f.plainHouseholdId}/assistance`, status: 400, field: 'kind' },
  // — search —
  { name: 'search page size 1000', method: 'get', path: '/api/residents?size=1000', status: 400, field: 'size' },
  { name: 'search page 0', method: 'get', path: '/api/residents?page=0', status: 400, field: 'page' },
  { name: 'search text of 51 characters', method: 'get', path: `/api/residents?q=${encodeURIComponent('王'.repeat(51))}`, status: 400, field: 'q' },
];

type RowCounts = Record<string, number>;

async function countRows(h: ApiHarness): Promise<RowCounts> {
  const counts: RowCounts = {};
  for (const table of WRITE_TABLES) {
    const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = n;
  }
  const [{ n }] = await h.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action NOT LIKE '%.read'`);
  counts.audit_log_writes = n;
  return counts;
}

describe('Malformed requests', () => {
  let h: ApiHarness;
  let fixture: Fixture;
  let before: RowCounts;
  let serverErrors = 0;

  const register = async (body: Record<string, unknown>) => {
    const res = await h.http.post('/api/households').auth(h.tokens.worker, { type: 'bearer' }).send(body);
    if (res.status !== 201) throw new Error(`fixture household refused: ${res.status} ${JSON.stringify(res.body)}`);
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
      spouseId: family.members[1].id,
      other: {
        id: plain.members[2].id,
        idNumber: String(other.idNumber),
        birthDate: String(other.birthDate),
        gender: String(other.gender),
      },
    };
    before = await countRows(h);
  });
  afterAll(() => h.close());

  describe('are refused with a 4xx naming the field', () => {
    it('has at least 40 distinct cases', () => {
      expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
      expect(CASES.length).toBeGreaterThanOrEqual(40);
    });

    it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const path = typeof c.path === 'function' ? c.path(fixture) : c.path;
      let req = h.http[c.method](path).auth(h.tokens[c.as ?? 'worker'], { type: 'bearer' });
      if (c.raw !== undefined) {
        req = req.set('Content-Type', c.contentType ?? 'application/json').send(c.raw);
      } else if (c.body !== undefined) {
        req = req.send(typeof c.body === 'function' ? (c.body as (f: Fixture) => unknown)(fixture) : (c.body as object));
      }
      const res = await req;
      if (res.status >= 500) serverErrors += 1;

      const errors = (res.body.errors ?? []) as Array<{ field: string; message: string }>;
      expect({
        status: res.status,
        message: res.body.message,
        fields: errors.map((e) => e.field),
        unexplained: errors.filter((e) => !CHINESE.test(e.message)),
      }).toEqual({
        status: c.status,
        message: expect.stringMatching(CHINESE),
        fields: c.field === null ? expect.any(Array) : expect.arrayContaining([c.field]),
        unexplained: [],
      });
      expect(typeof res.body.correlationId).toBe('string');
    });

    it('wrote nothing: no rows, versions, audit entries or outbox events, and no 5xx', async () => {
      expect(await countRows(h)).toEqual(before);
      expect(serverErrors).toBe(0);
      const head = await h.http.get(`/api/residents/${fixture.headId}`).auth(h.tokens.worker, { type: 'bearer' });
      expect(head.body).toMatchObject({ version: 1, lifeStatus: 'alive', residenceStatus: 'present', phone: '13812345678' });
      expect(head.body).not.toHaveProperty('corrections');
    });
  });

  describe('normalisation that is accepted', () => {
    const registerOne = async (member: Record<string, unknown>) => {
      const body = brokenFamily((_, m) => (m[1] = { ...m[1], ...member }));
      const res = await h.http.post('/api/households').auth(h.tokens.worker, { type: 'bearer' }).send(body);
      expect(res.status).toBe(201);
      const read = await h.http.get(`/api/residents/${res.body.members[1].id}`).auth(h.tokens.worker, { type: 'bearer' });
      return read.body;
    };

    it('takes a lower-case x that is right and stores it as X', async () => {
      const read = await registerOne({ idNumber: xId.toLowerCase(), birthDate: yearsAgo(40), gender: '2' });
      expect(read.idNumber).toBe(xId);
    });

    it('takes full-width digits, spaces and Ｘ and stores the plain number', async () => {
      const id = idEndingInX(yearsAgo(38), '2');
      const typed = ` ${fullWidth(id.slice(0, 6))}\u3000${id.slice(6, 14)} ${fullWidth(id.slice(14))} `;
      const read = await registerOne({ idNumber: typed, birthDate: yearsAgo(38), gender: '2' });
      expect(read.idNumber).toBe(id);
    });

    it('upgrades a right 15-digit legacy number to 18 digits', async () => {
      const old = legacyIdFor('1972-08-09', '2');
      const read = await registerOne({ idNumber: old, birthDate: '1972-08-09', gender: '2' });
      expect(read.idNumber).toHaveLength(18);
      expect(read.idNumber).toBe(`${old.slice(0, 6)}19${old.slice(6)}${read.idNumber[17]}`);
    });

    it('tidies a name with a loose dot and spaces, a phone with +86 and dashes', async () => {
      const read = await registerOne({ name: ' 阿依古丽 • 买买提 ', phone: '+86 138-1234-5679' });
      expect(read.name).toBe('阿依古丽·买买提');
      expect(read.phone).toBe('13812345679');
    });

    it('takes an amount given as a number with one decimal', async () => {
      const body = brokenFamily((b) => ((b.assistance as Record<string, unknown>).amount = 950.5));
      const res = await h.http.post('/api/households').auth(h.tokens.worker, { type: 'bearer' }).send(body);
      expect(res.status).toBe(201);
      const read = await h.http.get(`/api/households/${res.body.id}`).auth(h.tokens.worker, { type: 'bearer' });
      expect(read.body.assistance.amount).toBe('950.50');
    });
  });
});
