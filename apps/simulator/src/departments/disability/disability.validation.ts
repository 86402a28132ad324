import { birthDateOf, genderCodeOf, isValidCitizenId } from '../../framework';
import { CARD_STATUSES, DisabilityError, type CardStatus, type PersonFields } from './disability.types';

const refuse = (message: string): DisabilityError => new DisabilityError(422, message);

/** yyyyMMdd, as the certificate prints it. */
const compactBirthDateOf = (id: string): string => birthDateOf(id).replace(/-/g, '');

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** Codes arrive as strings; a digit sent as a JSON number is the same code. */
const code = (value: unknown): string => (typeof value === 'number' ? String(value) : value) as string;

function optional(value: unknown, message: string, max: number, pattern?: RegExp): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > max || (pattern && !pattern.test(value)))
    throw refuse(message);
  return value.trim();
}

/** Checks a person's certificate data as the federation's system would. */
export function parsePerson(body: unknown): PersonFields {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new DisabilityError(400, '请求体应为JSON对象');
  const b = body as Record<string, unknown>;
  const name = optional(b.name, '姓名格式错误', 30);
  if (!name) throw refuse('姓名不能为空');
  if (typeof b.idNumber !== 'string' || !isValidCitizenId(b.idNumber)) throw refuse('身份证号码校验错误');
  const idNumber = b.idNumber;
  const gender = code(b.gender);
  if (gender !== '1' && gender !== '2') throw refuse('性别代码错误(1男 2女)');
  if (gender !== genderCodeOf(idNumber)) throw refuse('性别与身份证号码不符');
  if (b.birthDate !== compactBirthDateOf(idNumber)) throw refuse('出生日期与身份证号码不符');
  const disabilityType = code(b.disabilityType);
  if (typeof disabilityType !== 'string' || !/^[1-7]$/.test(disabilityType))
    throw refuse('残疾类别代码错误(1-7)');
  const disabilityGrade = code(b.disabilityGrade);
  if (typeof disabilityGrade !== 'string' || !/^[1-4]$/.test(disabilityGrade))
    throw refuse('残疾等级代码错误(1-4)');
  const status = (b.status ?? 'valid') as CardStatus;
  if (!CARD_STATUSES.includes(status)) throw refuse('证件状态错误(valid/revoked/deceased)');
  return {
    name,
    idNumber,
    gender,
    birthDate: compactBirthDateOf(idNumber),
    disabilityType,
    disabilityGrade,
    guardianName: optional(b.guardianName, '监护人姓名格式错误', 30),
    guardianPhone: optional(b.guardianPhone, '监护人联系电话格式错误', 20, PHONE),
    phone: optional(b.phone, '联系电话格式错误', 20, PHONE),
    address: optional(b.address, '住址过长', 200),
    status,
  };
}
