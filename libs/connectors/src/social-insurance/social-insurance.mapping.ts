import { normaliseCitizenId, type ResidentSnapshot } from '@hub/domain';
import {
  binaryGender,
  citizenIdForMatching,
  ConnectorError,
  unencodableInGbk,
  type InboundChange,
} from '../common';
import { canbaoZhuangtaiOf, hujiXingzhiOf, pensionStatusOf, xingbieOf } from './social-insurance.codes';
import type { InsuranceExportRow, InsuranceOperation, InsuranceRow } from './social-insurance.types';

/** `1964-03-05` → `1964/3/5`, as the department's spreadsheets write dates. */
export const slashDate = (isoDate: string): string =>
  isoDate
    .split('-')
    .map((part, i) => (i === 0 ? part : String(Number(part))))
    .join('/');

/** The person's columns; 个人编号 and 操作 depend on what the hub knows and wants (see toUploadRow). */
export function toInsurancePerson(subject: ResidentSnapshot): Omit<InsuranceRow, '个人编号' | '操作'> {
  return {
    公民身份号码: normaliseCitizenId(subject.idNumber ?? ''),
    姓名: subject.name,
    性别: xingbieOf(binaryGender(subject.gender, subject.idNumber)),
    出生日期: slashDate(subject.birthDate),
    户籍性质: hujiXingzhiOf(subject.registrationType),
    参保状态: canbaoZhuangtaiOf(subject.pensionStatus),
    联系电话: subject.phone ?? '',
    户籍地址: subject.registeredAddress ?? '',
  };
}

/** 新增 without a 个人编号, 变更 with one, 终止 to end (the department matches by ID number too). */
export function toUploadRow(subject: ResidentSnapshot, personNo: string | null, end: boolean): InsuranceRow {
  const operation: InsuranceOperation = end ? '终止' : personNo ? '变更' : '新增';
  // An ended person's status is 终止参保 whatever the hub last held (e.g. `employee` now).
  const person = toInsurancePerson(end ? { ...subject, pensionStatus: 'terminated' } : subject);
  return { 个人编号: personNo ?? '', ...person, 操作: operation };
}

/**
 * The same department as employment, the same rules: GBK cannot hold every given-name
 * character (it would turn into `?`), and the ID number is the key. Refused per row before
 * sending, with the department's kind of message.
 */
export function rowRefusal(row: InsuranceRow): ConnectorError | undefined {
  if (!row.公民身份号码) return ConnectorError.refused('公民身份号码不能为空（未发送）');
  const column = (Object.keys(row) as Array<keyof InsuranceRow>).find(
    (key) => unencodableInGbk(row[key]).length > 0,
  );
  return column ? ConnectorError.refused(`${column}含有系统无法录入的字符（未发送）`) : undefined;
}

/** An export row → the pension status, which this department is authoritative for. */
export function fromInsuranceRow(row: InsuranceExportRow, changedAt: string): InboundChange {
  const pensionStatus = pensionStatusOf(row.参保状态?.trim() ?? '');
  return {
    externalId: row.个人编号?.trim() || null,
    idNumber: row.公民身份号码 ? citizenIdForMatching(row.公民身份号码) : null,
    fields: pensionStatus ? { pensionStatus } : {},
    changedAt,
  };
}
