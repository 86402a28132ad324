import { isMale, isValidCitizenId } from '../../framework';
import {
  ASSISTANCE_TYPES,
  CivilCode,
  CivilError,
  HOUSEHOLD_STATUSES,
  RELATION_WORDS,
  type HouseholdFields,
  type HouseholdMember,
} from './civil-assistance.types';

const refuse = (message: string): CivilError => new CivilError(422, CivilCode.invalid, message);

const text = (value: unknown, message: string, max = 100): string => {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) throw refuse(message);
  return value.trim();
};

const oneOf = <T extends string>(values: readonly T[], value: unknown, message: string): T => {
  if (!values.includes(value as T)) throw refuse(message);
  return value as T;
};

function amount(value: unknown): number {
  // The system keeps yuan with 2 decimals; a third decimal is a typing error, not something to round.
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100_000)
    throw refuse('月救助金额格式错误');
  if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) throw refuse('月救助金额最多保留两位小数');
  return Math.round(value * 100) / 100;
}

function day(value: unknown, today: Date): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw refuse('批准日期格式错误');
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw refuse('批准日期格式错误');
  if (date.getTime() > today.getTime() + 24 * 3600_000) throw refuse('批准日期不能晚于今天');
  return value;
}

function member(raw: unknown, index: number): HouseholdMember {
  if (typeof raw !== 'object' || raw === null) throw refuse(`第${index + 1}位家庭成员信息不完整`);
  const m = raw as Record<string, unknown>;
  const name = text(m.name, `第${index + 1}位家庭成员姓名不能为空`, 50);
  const gender = oneOf(['男', '女'] as const, m.gender, `家庭成员${name}性别应为“男”或“女”`);
  const relation = text(m.relation, `家庭成员${name}与户主关系不能为空`, 10);
  if (!RELATION_WORDS.has(relation)) throw refuse(`家庭成员${name}与户主关系“${relation}”无效`);
  const result: HouseholdMember = { name, gender, relation };
  if (m.idCard !== undefined && m.idCard !== null && m.idCard !== '') {
    if (typeof m.idCard !== 'string' || !isValidCitizenId(m.idCard))
      throw refuse(`家庭成员${name}身份证号码校验错误`);
    if ((isMale(m.idCard) ? '男' : '女') !== gender) throw refuse(`家庭成员${name}性别与身份证号码不符`);
    result.idCard = m.idCard;
  }
  return result;
}

/** Checks a household document as the department's case-work system would; throws its refusal. */
export function parseHousehold(body: unknown, today: Date): HouseholdFields {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new CivilError(400, CivilCode.badRequest, '请求体应为家庭档案JSON对象');
  const b = body as Record<string, unknown>;
  const headName = text(b.headName, '户主姓名不能为空', 50);
  if (typeof b.headIdCard !== 'string' || !isValidCitizenId(b.headIdCard))
    throw refuse('户主身份证号码校验错误');
  const headIdCard = b.headIdCard;
  const address = text(b.address, '家庭住址不能为空', 200);
  const assistanceType = oneOf(ASSISTANCE_TYPES, b.assistanceType, '救助类型无效(dibao/dibao_edge/tekun)');
  const monthlyAmount = amount(b.monthlyAmount);
  const approvedOn = day(b.approvedOn, today);
  const status = oneOf(HOUSEHOLD_STATUSES, b.status, '救助状态无效(active/ended)');
  if (!Array.isArray(b.members) || b.members.length === 0) throw refuse('家庭成员不能为空');
  const members = b.members.map(member);

  const [head, ...others] = members;
  if (head.relation !== '户主' || head.idCard !== headIdCard || head.name !== headName)
    throw refuse('第一位家庭成员必须是户主本人');
  if (others.some((m) => m.relation === '户主')) throw refuse('一个家庭只能有一位户主');
  const idCards = members.flatMap((m) => (m.idCard ? [m.idCard] : []));
  if (new Set(idCards).size !== idCards.length) throw refuse('家庭成员身份证号码重复');
  return { headName, headIdCard, address, assistanceType, monthlyAmount, approvedOn, status, members };
}
