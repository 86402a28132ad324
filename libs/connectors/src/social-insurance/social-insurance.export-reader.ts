import { citizenIdForMatching, type ExportReader } from '../common';
import { slashDate } from './social-insurance.mapping';

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

/** The status the department keeps an ended person under; the roster still lists them. */
const TERMINATED = '终止参保';

/** `yyyy/M/d` as `toInsurancePerson` writes it; a zero-padded or dashed date is the same date. */
const slashDateOf = (value: unknown): string => {
  const raw = text(value);
  const match = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})$/.exec(raw);
  return match ? slashDate(`${match[1]}-${match[2]}-${match[3]}`) : raw;
};

/**
 * Since the 2014 registration reform every 户口 is a 居民户口 and the hub sends `居民`; old rows
 * still say `农业`/`非农业` for the same 户口. Read as `居民`, they are no false difference.
 */
const hujiXingzhiOf = (value: unknown): string => {
  const raw = text(value);
  return raw === '农业' || raw === '非农业' ? '居民' : raw;
};

/**
 * Reading a row of `/batch/export` back in the upload's column names (less `个人编号`, the
 * department's own id, and `操作`, which the export has not). Ended persons stay on the roster
 * as `终止参保`. Empty cells stay `''`, as `toInsurancePerson` writes unknown values.
 */
export const socialInsuranceExportReader: ExportReader = {
  fields: {
    公民身份号码: 'idNumber',
    姓名: 'name',
    性别: 'gender',
    出生日期: 'birthDate',
    户籍性质: 'derived',
    参保状态: 'owned',
    联系电话: 'phone',
    户籍地址: 'registeredAddress',
  },
  identify: (record) => {
    const idNumber = text(record['公民身份号码']);
    return {
      externalId: text(record['个人编号']) || null,
      idNumber: idNumber ? citizenIdForMatching(idNumber) : null,
      active: text(record['参保状态']) !== TERMINATED,
    };
  },
  comparable: (record) => {
    const idNumber = text(record['公民身份号码']);
    return {
      公民身份号码: idNumber ? citizenIdForMatching(idNumber) : '',
      姓名: text(record['姓名']),
      性别: text(record['性别']),
      出生日期: slashDateOf(record['出生日期']),
      户籍性质: hujiXingzhiOf(record['户籍性质']),
      参保状态: text(record['参保状态']),
      联系电话: text(record['联系电话']),
      户籍地址: text(record['户籍地址']),
    };
  },
};
