import { birthDateOf, isLegacyCitizenId, isMale, isValidCitizenId, toEighteen } from '../../framework';
import {
  AgingError,
  ELDER_STATUSES,
  LIVING_STATUSES,
  type AllowanceLevel,
  type ElderFields,
  type ElderRecord,
  type EmergencyContact,
} from './aging-services.types';

const refuse = (message: string): AgingError => new AgingError(422, 'validation_failed', message);

/** The department's calendar day (Beijing time), whatever the host's time zone. */
const beijingDay = (now: Date): string => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Whole years on `now`'s day. */
export function ageOn(birthDate: string, now: Date): number {
  const today = beijingDay(now);
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * The 高龄津贴 band follows from age alone, so the system computes it on every read rather than
 * storing it: a stored band would go stale on the elder's birthday.
 */
export function allowanceLevelOf(birthDate: string, now: Date): AllowanceLevel {
  const age = ageOn(birthDate, now);
  if (age >= 100) return '100+';
  if (age >= 90) return '90-99';
  if (age >= 80) return '80-89';
  return 'none';
}

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

function optionalText(value: unknown, message: string, max: number): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > max) throw refuse(message);
  return value.trim();
}

function phone(value: unknown, message: string): string | null {
  const p = optionalText(value, message, 20);
  if (p !== null && !PHONE.test(p)) throw refuse(message);
  return p;
}

function contact(value: unknown): EmergencyContact | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') throw refuse('紧急联系人格式错误');
  const c = value as Record<string, unknown>;
  const name = optionalText(c.name, '紧急联系人姓名格式错误', 30);
  const tel = phone(c.phone, '紧急联系人电话格式错误');
  if (!name || !tel) throw refuse('紧急联系人须同时填写姓名和电话');
  return { name, phone: tel };
}

/**
 * Checks an elder as the system would. `current` is the stored record on an update: its legacy
 * 15-digit number may stay, or be replaced by its own 18-digit form, but never by another person's.
 */
export function parseElder(body: unknown, now: Date, current?: ElderRecord): ElderFields {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new AgingError(400, 'bad_request', '请求体应为JSON对象');
  const b = body as Record<string, unknown>;
  const name = optionalText(b.name, '姓名格式错误', 30);
  if (!name) throw refuse('姓名不能为空');
  const idCard = typeof b.idCard === 'string' ? b.idCard : '';
  if (current) {
    if (idCard !== current.idCard && toEighteen(current.idCard) !== idCard)
      throw refuse('身份证号码不可修改');
    if (idCard !== current.idCard && !isValidCitizenId(idCard)) throw refuse('身份证号码校验错误');
  } else if (isLegacyCitizenId(idCard)) {
    throw refuse('新登记老人须使用18位身份证号码');
  } else if (!isValidCitizenId(idCard)) {
    throw refuse('身份证号码校验错误');
  }
  if (b.gender !== 'M' && b.gender !== 'F') throw refuse('性别应为M或F');
  if (b.gender !== (isMale(idCard) ? 'M' : 'F')) throw refuse('性别与身份证号码不符');
  if (b.birthDate !== birthDateOf(idCard)) throw refuse('出生日期与身份证号码不符');
  const birthDate = b.birthDate;
  if (ageOn(birthDate, now) < 60) throw refuse('未满60周岁，不属于养老服务对象');
  if (b.allowanceLevel !== undefined && b.allowanceLevel !== allowanceLevelOf(birthDate, now))
    throw refuse(`高龄津贴档次与年龄不符，应为${allowanceLevelOf(birthDate, now)}`);
  const livingStatus = b.livingStatus ?? null;
  if (livingStatus !== null && !LIVING_STATUSES.includes(livingStatus as never))
    throw refuse('居住状况无效(alone/with_spouse/with_children/institution)');
  const status = b.status ?? (current ? undefined : 'active');
  if (!ELDER_STATUSES.includes(status as never)) throw refuse('人员状态无效(active/deceased/moved)');
  return {
    name,
    idCard,
    gender: b.gender,
    birthDate,
    phone: phone(b.phone, '联系电话格式错误'),
    address: optionalText(b.address, '住址过长', 200),
    livingStatus: livingStatus as ElderFields['livingStatus'],
    emergencyContact: contact(b.emergencyContact),
    status: status as ElderFields['status'],
  };
}
