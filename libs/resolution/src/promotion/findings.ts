import { sameNameInGbk, type RecordFact } from '@hub/connectors';
import { normaliseName, normalisePhone, type SourceRef } from '@hub/matching';
import type { AddressParts } from './address-parts';
import { addressKey, addressParts } from './address-parts';
import { recordKey, type ClusterRecord, type PromotedFields } from './records';

/**
 * The unified-record facts departments hold and may disagree on (数据核对 compares these): every
 * fact a department field carries but its household, its own statuses and computed fields.
 */
export type CheckedField = Exclude<RecordFact, 'household' | 'owned' | 'derived'>;

/** One department record's value of a field that differs from the one the hub keeps. */
export interface DepartmentValue {
  system: string;
  recordId: string;
  /** As the department holds it (normalised); null when it holds none. */
  value: string | null;
}

/**
 * Departments disagree on a field: the hub keeps the authoritative value (`chosen`, from
 * `chosenSource`) and lists the departments holding something else, for a worker to confirm or
 * correct. Either way the result is sent to those departments.
 */
export interface Finding {
  field: CheckedField;
  chosen: string | null;
  chosenSource: string | null;
  values: DepartmentValue[];
  reason: string;
}

type Read = (r: ClusterRecord) => string | null;

const attribute =
  (name: string): Read =>
  (r) =>
    r.attributes[name] ?? null;

const registered: Read = (r) => {
  const text = r.attributes.registeredAddress;
  return text ? text.replace(/\s+/g, '') : null;
};

/** Militia keeps the month only (`yyyy-MM-00`): compared on the month. */
const birthMonthOnly = (r: ClusterRecord): boolean => r.birthDate?.endsWith('-00') ?? false;

/** How each field is read from a staged record, already normalised by its extractor. */
const READERS: Record<Exclude<CheckedField, 'address' | 'status'>, Read> = {
  idNumber: (r) => r.idNumber,
  name: (r) => r.name,
  gender: (r) => r.gender,
  birthDate: (r) => r.birthDate,
  phone: (r) => r.phone,
  registeredAddress: registered,
  ethnicity: attribute('ethnicity'),
  education: attribute('education'),
  maritalStatus: attribute('maritalStatus'),
  politicalStatus: attribute('politicalStatus'),
  livingStatus: attribute('livingStatus'),
  registrationType: attribute('registrationType'),
};

/** Why the hub kept its value: the authority table's reason, in the worker's words. */
const REASONS: Record<CheckedField, string> = {
  idNumber: '公民身份号码以公安户籍信息为准',
  name: '姓名以公安户籍信息为准',
  gender: '性别以公安户籍信息为准',
  birthDate: '出生日期以公安户籍信息为准',
  phone: '联系电话以社区（网格）采集为准',
  address: '现住址以社区（网格）采集为准',
  registeredAddress: '户籍地址以公安户籍信息为准',
  ethnicity: '民族以公安户籍信息为准',
  education: '文化程度以社区采集为准，其次为多数部门一致的值',
  maritalStatus: '婚姻状况以社区采集为准，其次为多数部门一致的值',
  politicalStatus: '政治面貌以社区采集为准，其次为多数部门一致的值',
  livingStatus: '居住状况以社区（网格）采集为准',
  registrationType: '户籍类别以公安户籍信息为准',
  status: '在世、在册状态以公安户籍信息为准',
};

/**
 * Whether a department holds the person at all is judged by its own rule (the holding check's
 * `holding:<system>` findings), not by comparing its record's status with the police's: an ended
 * disability card or 低保 membership says nothing about the person being alive or present.
 */
const COMPARED = (Object.keys(REASONS) as CheckedField[]).filter((field) => field !== 'status');

const digits = (phone: string | null): string | null => (phone ? phone.replace(/\D/g, '') : null);

type KeptReader = (fields: PromotedFields, address: AddressParts | null) => string | null;

/** Fields whose kept value is not simply the promoted field, in the records' normalised form. */
const KEPT: Partial<Record<CheckedField, KeptReader>> = {
  address: (_fields, address) => addressKey(address),
  phone: (fields) => digits(fields.phone),
  name: (fields) => normaliseName(fields.name),
  registeredAddress: (fields) => fields.registeredAddress?.replace(/\s+/g, '') ?? null,
};

/** The hub's kept value of a field, in the same normalised form as the records'. */
function keptValue(field: CheckedField, fields: PromotedFields, address: AddressParts | null): string | null {
  const read = KEPT[field];
  return read ? read(fields, address) : (fields[field as keyof PromotedFields] ?? null);
}

/** Fields whose records need more than the matcher's reader. */
const HELD: Partial<Record<CheckedField, (r: ClusterRecord) => string | null>> = {
  address: (r) => addressKey(r.address ? addressParts(r.address) : null),
  phone: (r) => digits(r.phone ? normalisePhone(r.phone) : null),
};

function recordValue(field: CheckedField, r: ClusterRecord): string | null {
  const read = HELD[field] ?? READERS[field as keyof typeof READERS];
  return read(r);
}

function same(field: CheckedField, kept: string, held: string, r: ClusterRecord): boolean {
  if (field === 'birthDate' && birthMonthOnly(r)) return kept.slice(0, 7) === held.slice(0, 7);
  // The 人社局 systems hold GBK only: a rare given-name character the hub cannot send them.
  if (field === 'name') return sameNameInGbk(kept, held);
  return kept === held;
}

/**
 * Per field the departments carry, the records that hold another value than the kept one (or
 * none where the hub has one: the department would be sent it). `carried` tells which fields a
 * system's records state at all.
 */
export function findingsOf(
  records: readonly ClusterRecord[],
  fields: PromotedFields,
  address: AddressParts | null,
  sources: Record<string, SourceRef>,
  carried: (system: string) => ReadonlySet<CheckedField>,
): Finding[] {
  const findings: Finding[] = [];
  // The departments are told of a death or a move-out; what else they hold of the person is moot.
  if (fields.lifeStatus !== 'alive' || fields.residenceStatus !== 'present') return findings;
  for (const field of COMPARED) {
    const kept = keptValue(field, fields, address);
    if (kept === null) continue;
    const values: DepartmentValue[] = [];
    for (const r of records) {
      if (!carried(r.system).has(field)) continue;
      const held = recordValue(field, r);
      if (held !== null && same(field, kept, held, r)) continue;
      values.push({ system: r.system, recordId: r.recordId, value: held });
    }
    if (values.length === 0) continue;
    const source = sources[field];
    findings.push({
      field,
      chosen: kept,
      chosenSource: source ? recordKey(source) : null,
      values,
      reason: REASONS[field],
    });
  }
  return findings;
}
