import { parseCitizenId } from '../../framework';
import {
  FOCUS_TAGS,
  ItemError,
  NATIONS,
  PERSON_STATUSES,
  PERSON_TYPES,
  type GridHouse,
  type GridPerson,
} from './grid-governance.types';

const PERSON_FIELDS = [
  'personId',
  'gridCode',
  'name',
  'idNo',
  'sex',
  'birthday',
  'nation',
  'phone',
  'houseAddress',
  'personType',
  'focusTags',
  'status',
];
const HOUSE_FIELDS = ['houseId', 'gridCode', 'address', 'headPersonId', 'memberPersonIds'];
const PHONE = /^(1[3-9]\d{9}|0519-?8\d{7})$/;
const GRID_CODE = /^3204\d{11}$/;

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

function plainItem(item: unknown, fields: string[]): Record<string, unknown> {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    throw new ItemError('数据项必须是对象');
  const unknown = Object.keys(item).filter((k) => !fields.includes(k));
  if (unknown.length > 0) throw new ItemError(`不支持的字段：${unknown.join('、')}`);
  return item as Record<string, unknown>;
}

/** The incoming person item: known fields only; the ID number upper-cased and trimmed. */
export function readPersonItem(item: unknown): Partial<GridPerson> {
  const input = plainItem(item, PERSON_FIELDS);
  for (const [key, value] of Object.entries(input))
    if (key !== 'focusTags' && typeof value !== 'string') throw new ItemError(`字段 ${key} 必须是字符串`);
  if (input.focusTags !== undefined && !Array.isArray(input.focusTags))
    throw new ItemError('focusTags 必须是数组');
  const person = { ...input } as Partial<GridPerson>;
  if (person.idNo !== undefined) person.idNo = person.idNo.trim().toUpperCase();
  return person;
}

/** Checks a whole person (the item merged over what is on file); fills sex and birthday from the ID. */
export function validatePerson(person: Partial<GridPerson>): Omit<GridPerson, 'personId'> {
  if (!person.name?.trim()) throw new ItemError('姓名不能为空');
  if (!person.gridCode || !GRID_CODE.test(person.gridCode))
    throw new ItemError('网格编码无效（应为15位：12位社区代码加3位网格号）');
  const idNo = person.idNo ?? '';
  let { sex, birthday } = person;
  if (idNo) {
    const facts = parseCitizenId(idNo);
    if (!facts) throw new ItemError('身份证号码校验错误');
    const male = facts.gender === '1';
    sex ??= male ? '男' : '女';
    birthday ??= facts.birthDate;
    if ((sex === '男') !== male) throw new ItemError('性别与身份证号码不符');
    if (birthday !== facts.birthDate) throw new ItemError('出生日期与身份证号码不符');
  } else if (!person.phone) {
    throw new ItemError('无身份证号码的人员必须登记联系电话');
  }
  if (sex !== '男' && sex !== '女') throw new ItemError('性别无效（应为 男 或 女）');
  if (!birthday || !isDate(birthday)) throw new ItemError('出生日期无效（应为 yyyy-MM-dd）');
  const nation = person.nation ?? '汉族';
  if (!NATIONS.has(nation)) throw new ItemError(`民族名称无效：${nation}`);
  const phone = person.phone ?? '';
  if (phone && !PHONE.test(phone)) throw new ItemError('联系电话格式错误');
  if (!person.personType || !PERSON_TYPES.includes(person.personType))
    throw new ItemError('人员类型无效（应为 户籍、流动 或 境外）');
  const focusTags = person.focusTags ?? [];
  const badTag = focusTags.find((t) => !FOCUS_TAGS.includes(t));
  if (badTag !== undefined) throw new ItemError(`重点人群标签无效：${String(badTag)}`);
  const status = person.status ?? 'normal';
  if (!PERSON_STATUSES.includes(status)) throw new ItemError('人员状态无效（应为 normal、left 或 deceased）');
  return {
    gridCode: person.gridCode,
    name: person.name.trim(),
    idNo,
    sex,
    birthday,
    nation,
    phone,
    houseAddress: person.houseAddress ?? '',
    personType: person.personType,
    focusTags: [...new Set(focusTags)],
    status,
  };
}

export function readHouseItem(item: unknown): Partial<GridHouse> {
  const input = plainItem(item, HOUSE_FIELDS);
  for (const key of ['houseId', 'gridCode', 'address', 'headPersonId'])
    if (input[key] !== undefined && typeof input[key] !== 'string')
      throw new ItemError(`字段 ${key} 必须是字符串`);
  if (
    input.memberPersonIds !== undefined &&
    (!Array.isArray(input.memberPersonIds) || input.memberPersonIds.some((m) => typeof m !== 'string'))
  )
    throw new ItemError('memberPersonIds 必须是字符串数组');
  return input;
}

export function validateHouse(house: Partial<GridHouse>): Omit<GridHouse, 'houseId'> {
  if (!house.gridCode || !GRID_CODE.test(house.gridCode))
    throw new ItemError('网格编码无效（应为15位：12位社区代码加3位网格号）');
  if (!house.address?.trim()) throw new ItemError('房屋地址不能为空');
  const members = [...new Set(house.memberPersonIds ?? [])];
  const head = house.headPersonId ?? '';
  if (head && !members.includes(head)) throw new ItemError('户主必须是家庭成员之一');
  return {
    gridCode: house.gridCode,
    address: house.address.trim(),
    headPersonId: head,
    memberPersonIds: members,
  };
}

/**
 * One key for the ways grid workers write a flat: `3幢2单元501室`, `3-2-501`, `3栋2单元501`
 * all become `3-2-501` (full-width digits and spaces too).
 */
export function addressKey(address: string): string {
  const s = address
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－—]/g, '-')
    .replace(/\s+/g, '');
  return s
    .replace(/(\d+)(?:幢|栋|号楼|座)(\d+)单元(\d+)室?$/, '$1-$2-$3')
    .replace(/(\d+)-(\d+)-(\d+)室?$/, '$1-$2-$3')
    .replace(/(\d+)(?:幢|栋|号楼|座)(\d+)室?$/, '$1-$2');
}
