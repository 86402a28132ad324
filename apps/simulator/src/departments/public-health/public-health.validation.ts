import { birthDateOf, isMale, parseCitizenId } from '../../framework';
import { FhirError, RESIDENT_ID_SYSTEM, residentId, type Patient } from './public-health.types';

/** Elements this system stores; anything else is refused, as a strict FHIR server would. */
const KNOWN_ELEMENTS = new Set([
  'resourceType',
  'id',
  'meta',
  'identifier',
  'active',
  'name',
  'gender',
  'birthDate',
  'telecom',
  'address',
  'deceasedBoolean',
]);
const GENDERS = new Set(['male', 'female', 'unknown']);
const PHONE = /^(1[3-9]\d{9}|0519-?8\d{7})$/;

const invalid = (message: string) => new FhirError(400, 'invalid', message);
const refused = (message: string) => new FhirError(422, 'business-rule', message);

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

function arrayOf(body: Record<string, unknown>, key: string): Array<Record<string, unknown>> | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'object' || v === null))
    throw invalid(`${key} 必须是对象数组`);
  return value as Array<Record<string, unknown>>;
}

/**
 * Checks an incoming Patient (POST or PUT) the way the archive system does and returns its
 * content without id and meta, which the server assigns.
 */
export function validatePatient(body: unknown, today: string): Omit<Patient, 'id' | 'meta'> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalid('请求体必须是 FHIR 资源');
  const input = body as Record<string, unknown>;
  if (input.resourceType !== 'Patient') throw invalid('资源类型必须是 Patient');
  const unknown = Object.keys(input).filter((k) => !KNOWN_ELEMENTS.has(k));
  if (unknown.length > 0) throw invalid(`不支持的元素: ${unknown.join(', ')}`);

  const identifier = arrayOf(input, 'identifier');
  for (const i of identifier ?? []) {
    if (i.system !== RESIDENT_ID_SYSTEM) throw invalid(`不支持的标识体系: ${String(i.system)}`);
    if (typeof i.value !== 'string' || !parseCitizenId(i.value)) throw refused('居民身份证号码校验错误');
  }
  const name = arrayOf(input, 'name');
  if (!name || name.length === 0 || name.some((n) => typeof n.text !== 'string' || n.text.trim() === ''))
    throw refused('姓名不能为空');
  if (input.gender !== undefined && !GENDERS.has(input.gender as string))
    throw refused('性别代码无效（应为 male、female 或 unknown）');
  if (input.birthDate !== undefined) {
    if (typeof input.birthDate !== 'string' || !isDate(input.birthDate)) throw refused('出生日期格式错误');
    if (input.birthDate > today) throw refused('出生日期不能晚于当前日期');
  }
  const telecom = arrayOf(input, 'telecom');
  for (const t of telecom ?? []) {
    if (t.system !== 'phone') throw invalid(`不支持的联系方式类型: ${String(t.system)}`);
    if (typeof t.value !== 'string' || !PHONE.test(t.value)) throw refused('联系电话格式错误');
  }
  const address = arrayOf(input, 'address');
  for (const a of address ?? [])
    for (const key of ['text', 'city', 'district'])
      if (a[key] !== undefined && typeof a[key] !== 'string') throw invalid(`address.${key} 必须是字符串`);
  for (const key of ['deceasedBoolean', 'active'])
    if (input[key] !== undefined && typeof input[key] !== 'boolean') throw invalid(`${key} 必须是布尔值`);

  const patient = { ...input } as Omit<Patient, 'id' | 'meta'> & { id?: unknown; meta?: unknown };
  delete patient.id;
  delete patient.meta;
  const idNo = residentId(patient);
  if (idNo) {
    if (patient.birthDate && patient.birthDate !== birthDateOf(idNo))
      throw refused('出生日期与居民身份证号码不符');
    if (patient.gender && patient.gender !== 'unknown' && (patient.gender === 'male') !== isMale(idNo))
      throw refused('性别与居民身份证号码不符');
  }
  return patient;
}
