import { NEIGHBOUR } from '../support/api-app';
import {
  brokenFamily,
  familyOfFour,
  fullWidth,
  idFor,
  legacyIdFor,
  person,
  withWrongCheck,
  yearsAgo,
} from '../support/households';

/** Records the refused requests aim at, registered before the row counts are taken. */
export interface Fixture {
  householdId: string;
  plainHouseholdId: string;
  headId: string;
  /** A person recorded in another household, to clash with. */
  other: { idNumber: string; birthDate: string; gender: string };
}

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface Case {
  name: string;
  method: Method;
  path: string | ((f: Fixture) => string);
  /** A body for supertest to serialise (or a function of the fixture giving one). */
  body?: object | ((f: Fixture) => object);
  /** JSON text sent as is, for keys an object literal cannot hold and for bodies that are not JSON. */
  raw?: string;
  contentType?: string;
  as?: 'worker' | 'operator';
  status: number;
  /** The request path of the field the answer must name; null where none applies (413, bad JSON, 404, 403). */
  field: string | null;
}

type Values = Record<string, unknown>;

/** POST /api/households with familyOfFour() changed at the top level. */
const top = (name: string, values: Values, field: string, status = 400): Case => ({
  name,
  method: 'post',
  path: '/api/households',
  body: { ...familyOfFour(), ...values },
  status,
  field,
});

/** POST /api/households with one member changed; `field` is relative to that member. */
const member = (
  name: string,
  i: number,
  values: Values | ((m: Values, all: Values[]) => Values),
  field: string,
): Case => ({
  name,
  method: 'post',
  path: '/api/households',
  body: brokenFamily((_, m) => Object.assign(m[i], typeof values === 'function' ? values(m[i], m) : values)),
  status: 400,
  field: `members[${i}].${field}`,
});

/** POST /api/households with the address or assistance changed. */
const part = (name: string, key: 'address' | 'assistance', values: Values, field: string): Case => ({
  name,
  method: 'post',
  path: '/api/households',
  body: brokenFamily((b) => Object.assign(b[key] as Values, values)),
  status: 400,
  field: `${key}.${field}`,
});

const raw = (name: string, text: string, field: string | null, status = 400, contentType?: string): Case => ({
  name,
  method: 'post',
  path: '/api/households',
  raw: text,
  contentType,
  status,
  field,
});

const call = (
  name: string,
  method: Method,
  path: Case['path'],
  body: Case['body'],
  field: string | null,
  status = 400,
): Case => ({ name, method, path, body, field, status });

/** JSON text with `"__KEY__"` replaced by a key a JS object literal would not keep as data. */
const withKey = (body: unknown, key: string): string =>
  JSON.stringify(body).replace('"__KEY__"', JSON.stringify(key));

const head =
  (suffix = '') =>
  (f: Fixture) =>
    `/api/residents/${f.headId}${suffix}`;
const home =
  (suffix = '') =>
  (f: Fixture) =>
    `/api/households/${f.householdId}${suffix}`;
const tomorrow = (): string => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
const badCheck = (m: Values) => withWrongCheck(String(m.idNumber));
const sameAs = (f: Fixture) => ({
  idNumber: f.other.idNumber,
  birthDate: f.other.birthDate,
  gender: f.other.gender,
});

export const CASES: Case[] = [
  // — registering a household: familyOfFour() with one thing broken —
  member('bad check character', 1, (m) => ({ idNumber: badCheck(m) }), 'idNumber'),
  member('ID number of 17 digits', 1, (m) => ({ idNumber: String(m.idNumber).slice(0, 17) }), 'idNumber'),
  member('birth date disagreeing with the ID', 2, { birthDate: yearsAgo(19, '03-16') }, 'birthDate'),
  member('gender disagreeing with the ID', 0, { gender: '2' }, 'gender'),
  member(
    '15-digit legacy number whose derived birth date disagrees',
    0,
    { idNumber: legacyIdFor('1985-06-12', '1'), birthDate: '1985-06-13', gender: '1' },
    'birthDate',
  ),
  member(
    'full-width digits normalising to a wrong check character',
    1,
    (m) => ({ idNumber: fullWidth(badCheck(m)) }),
    'idNumber',
  ),
  member('unknown ethnicity code', 1, { ethnicity: '57' }, 'ethnicity'),
  member('future birth date', 3, { idNumber: undefined, birthDate: tomorrow() }, 'birthDate'),
  member('impossible calendar date', 3, { idNumber: undefined, birthDate: '2023-02-30' }, 'birthDate'),
  member('birth date written 2020/01/01', 3, { idNumber: undefined, birthDate: '2020/01/01' }, 'birthDate'),
  member('empty name', 0, { name: '' }, 'name'),
  member('blank name', 0, { name: ' \u3000 ' }, 'name'),
  member('200-character name', 0, { name: '王'.repeat(200) }, 'name'),
  member('SQL in a name', 1, { name: "李'); DROP TABLE resident;--" }, 'name'),
  member('HTML in a name', 1, { name: '<script>alert(1)</script>' }, 'name'),
  member('number for the name', 0, { name: 12345 }, 'name'),
  member(
    'number for the ID number',
    0,
    (m) => ({ idNumber: Number(String(m.idNumber).slice(0, 17)) }),
    'idNumber',
  ),
  member('number for the gender', 0, { gender: 1 }, 'gender'),
  member('null for a required name', 2, { name: null }, 'name'),
  member('bad phone', 0, { phone: '12345' }, 'phone'),
  member('unknown marital status', 1, { maritalStatus: '99' }, 'maritalStatus'),
  member('no registration type', 1, { registrationType: undefined }, 'registrationType'),
  member('disability grade 5 on a member', 0, { disability: { type: '4', grade: '5' } }, 'disability.grade'),
  member('relation code unknown', 2, { relation: '98' }, 'relation'),
  member('unknown extra field in a member', 1, { nickname: '小李' }, 'nickname'),
  member('two heads', 1, { relation: '02' }, 'relation'),
  member(
    'the same ID twice in one request',
    2,
    (_, all) => pick(all[1], 'idNumber', 'birthDate', 'gender'),
    'idNumber',
  ),
  top('null for the household type', { type: null }, 'type'),
  top('unknown household type', { type: 'commune' }, 'type'),
  top('number for the household number', { householdNo: 320402123 }, 'householdNo'),
  top('bad household number', { householdNo: '12345' }, 'householdNo'),
  top('no address', { address: undefined }, 'address'),
  top('address as text', { address: '青龙苑3幢' }, 'address'),
  top('bad joined-on date', { joinedOn: '2025-1-1' }, 'joinedOn'),
  top('unknown extra field at top level', { isVip: true }, 'isVip'),
  top('bad community code', { communityCode: '3204' }, 'communityCode'),
  top('another community named by a worker', { communityCode: NEIGHBOUR }, 'communityCode', 403),
  top('no head', { members: members().slice(1) }, 'members'),
  top('zero members', { members: [] }, 'members'),
  top('31 members', { members: [...members(), ...relatives(27)] }, 'members'),
  top('members as an object', { members: { ...members() } }, 'members'),
  top('a member that is null', { members: [...members().slice(0, 3), null] }, 'members[3]'),
  top('a member that is a number', { members: [...members().slice(0, 3), 7] }, 'members[3]'),
  part('number for the building', 'address', { building: 3 }, 'building'),
  part('over-long estate', 'address', { estate: '青'.repeat(61) }, 'estate'),
  part('over-long room', 'address', { room: '1'.repeat(11) }, 'room'),
  part('bad grid code', 'address', { gridCode: '32040200200' }, 'gridCode'),
  part('grid of another community', 'address', { gridCode: `${NEIGHBOUR}001` }, 'gridCode'),
  part('grid cell that does not exist', 'address', { gridCode: '320402002001999' }, 'gridCode'),
  part('unknown extra field in the address', 'address', { floor: 5 }, 'floor'),
  part('assistance amount with 3 decimals', 'assistance', { amount: '1200.125' }, 'amount'),
  part('negative assistance amount', 'assistance', { amount: -5 }, 'amount'),
  part('unknown assistance type', 'assistance', { type: 'wubao' }, 'type'),
  part('future approval date', 'assistance', { approvedOn: tomorrow() }, 'approvedOn'),
  {
    ...member(
      'corrections on a member without permission',
      0,
      { corrections: { type: '2', start: '2025-01-01', end: '2027-01-01' } },
      'corrections',
    ),
    status: 403,
  },
  raw(
    '__proto__ at top level',
    withKey({ __KEY__: { isAdmin: true }, ...familyOfFour() }, '__proto__'),
    '__proto__',
  ),
  raw(
    '__proto__ inside a member',
    withKey(
      brokenFamily((_, m) => (m[1] = { __KEY__: { relation: '02' }, ...m[1] })),
      '__proto__',
    ),
    'members[1].__proto__',
  ),
  raw(
    'constructor at top level',
    withKey({ __KEY__: { prototype: { x: 1 } }, ...familyOfFour() }, 'constructor'),
    'constructor',
  ),
  raw(
    'constructor inside a member',
    withKey(
      brokenFamily((_, m) => (m[0] = { __KEY__: { name: 'x' }, ...m[0] })),
      'constructor',
    ),
    'members[0].constructor',
  ),
  // — not a JSON object at all —
  { ...top('an array body', {}, '(请求内容)'), body: [familyOfFour()] },
  raw('a JSON string body', '"一户人家"', null),
  raw('a JSON null body', 'null', null),
  raw('invalid JSON text', '{"type": "family", "members": [', null),
  raw('plain text instead of JSON', 'type=family&members=4', '(请求内容)', 400, 'text/plain'),
  raw(
    'JSON in an unsupported charset',
    JSON.stringify(familyOfFour()),
    null,
    415,
    'application/json; charset=latin1',
  ),
  raw('a 10 MB body', JSON.stringify({ ...familyOfFour(), note: 'x'.repeat(10 * 1024 * 1024) }), null, 413),
  // — changing a resident —
  call('PATCH: empty name', 'patch', head(), { name: '' }, 'name'),
  call(
    'PATCH: birth date disagreeing with the stored ID',
    'patch',
    head(),
    { birthDate: '1950-01-01' },
    'birthDate',
  ),
  call(
    'PATCH: version as text',
    'patch',
    head(),
    { phone: '13900000000', expectedVersion: 'v1' },
    'expectedVersion',
  ),
  call('PATCH: life status directly', 'patch', head(), { lifeStatus: 'deceased' }, 'lifeStatus'),
  call(
    'PATCH: disability through the wrong door',
    'patch',
    head(),
    { disability: { type: '1', grade: '1' } },
    'disability',
  ),
  call("PATCH: another recorded person's ID", 'patch', head(), sameAs, 'idNumber', 409),
  call(
    'PATCH: malformed resident id',
    'patch',
    '/api/residents/1%20OR%201=1',
    { phone: '13900000000' },
    null,
    404,
  ),
  {
    ...call('PATCH: by the IT operator', 'patch', head(), { phone: '13900000000' }, null, 403),
    as: 'operator',
  },
  // — members, births, move-ins —
  call('new member as a second head', 'post', home('/members'), person('王新', '02', 30, '1'), 'relation'),
  call(
    'new member without a name',
    'post',
    home('/members'),
    { ...person('王新', '20', 30, '1'), name: undefined },
    'name',
  ),
  call(
    'new member already recorded',
    'post',
    home('/members'),
    (f) => ({ ...person('王新', '20', 30, '1'), ...sameAs(f) }),
    'idNumber',
    409,
  ),
  call(
    'new member of an unknown household',
    'post',
    '/api/households/6f1c1c1e-0000-4000-8000-000000000000/members',
    person('王新', '20', 30, '1'),
    null,
    404,
  ),
  call(
    'birth in the future',
    'post',
    home('/births'),
    { ...person('王宝', '30', 0, '2'), idNumber: undefined, birthDate: tomorrow() },
    'birthDate',
  ),
  call(
    'move-in of nobody recorded',
    'post',
    home('/move-ins'),
    { idNumber: idFor('1990-01-01', '1'), relation: '20' },
    'idNumber',
  ),
  call(
    'move-in with a bad check character',
    'post',
    home('/move-ins'),
    { idNumber: withWrongCheck(idFor('1990-01-01', '1')), relation: '20' },
    'idNumber',
  ),
  // — life events —
  call('death with a future date', 'post', head('/death'), { date: tomorrow() }, 'date'),
  call('death with a bad date format', 'post', head('/death'), { date: '20/11/2025' }, 'date'),
  call('move-out in month 13', 'post', head('/move-out'), { date: '2025-13-01' }, 'date'),
  call(
    'address change with an empty estate',
    'post',
    head('/address'),
    { address: { estate: '', building: '1', room: '101' } },
    'address.estate',
  ),
  call('address change without an address', 'post', head('/address'), {}, 'address'),
  call(
    'marriage with an unknown status',
    'post',
    head('/marriage'),
    { maritalStatus: '29' },
    'maritalStatus',
  ),
  call(
    'marriage to a malformed spouse id',
    'post',
    head('/marriage'),
    { maritalStatus: '20', spouseId: 'abc' },
    'spouseId',
  ),
  call(
    'marriage to oneself',
    'post',
    head('/marriage'),
    (f) => ({ maritalStatus: '20', spouseId: f.headId }),
    'spouseId',
  ),
  // — status tags and assistance —
  call('disability grade 5', 'put', head('/tags/disability'), { type: '4', grade: '5' }, 'grade'),
  call('disability type as a number', 'put', head('/tags/disability'), { type: 4, grade: '2' }, 'type'),
  call(
    'corrections by a worker without permission',
    'put',
    head('/tags/corrections'),
    { type: '2', start: '2025-01-01', end: '2027-01-01' },
    null,
    403,
  ),
  call('ending corrections without permission', 'delete', head('/tags/corrections'), undefined, null, 403),
  call('unknown living status', 'put', head('/tags/living'), { status: 'x' }, 'status'),
  call('unknown tag kind', 'delete', head('/tags/vip'), undefined, null, 404),
  call(
    'assistance with 3 decimals',
    'put',
    home('/assistance'),
    { type: 'dibao', amount: 800.555, approvedOn: '2025-01-01' },
    'amount',
  ),
  call(
    'ending assistance nobody receives',
    'delete',
    (f) => `/api/households/${f.plainHouseholdId}/assistance`,
    undefined,
    'kind',
  ),
  // — search —
  call('search page size 1000', 'get', '/api/residents?size=1000', undefined, 'size'),
  call('search page 0', 'get', '/api/residents?page=0', undefined, 'page'),
  call(
    'search text of 51 characters',
    'get',
    `/api/residents?q=${encodeURIComponent('王'.repeat(51))}`,
    undefined,
    'q',
  ),
];

function members(): Values[] {
  return familyOfFour().members as Values[];
}

function pick(from: Values, ...keys: string[]): Values {
  return Object.fromEntries(keys.map((k) => [k, from[k]]));
}

function relatives(count: number): Values[] {
  return Array.from({ length: count }, (_, i) => person('王亲戚', '99', 20 + i, '1'));
}
