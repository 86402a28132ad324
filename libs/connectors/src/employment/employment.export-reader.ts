import { citizenIdForMatching, type ExportReader } from '../common';

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

/** An empty cell is "nothing held", the same as `toEmploymentForm` leaving the field out. */
const orNull = (value: string): string | null => (value === '' ? null : value);

/** Codes are fixed-width (GB/T 4658 is 2 digits); a spreadsheet may have dropped the leading zero. */
const code = (value: unknown, width: number): string | null => {
  const raw = text(value);
  return /^\d+$/.test(raw) ? raw.padStart(width, '0') : orNull(raw);
};

/** `yyyy-MM-dd` as the form takes it; `yyyy/M/d` or `yyyyMMdd` from an edited export is the same date. */
const isoDate = (value: unknown): string | null => {
  const raw = text(value);
  const match = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})$/.exec(raw);
  if (!match) return orNull(raw);
  return `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
};

/**
 * Reading a row of `/jy/export.do` (Chinese headers) back in the save form's names. The system
 * drops ended (注销) registrations from its export, so every row is current. `人员编号` is its
 * own id and stays out of `comparable`. ID numbers may carry full-width digits or a lower-case
 * `x`: normalised as the form sends them.
 */
export const employmentExportReader: ExportReader = {
  fields: {
    sfzhm: 'idNumber',
    xm: 'name',
    xb: 'gender',
    csrq: 'birthDate',
    whcd: 'education',
    jyzt: 'owned',
    lxdh: 'phone',
    jtzz: 'address',
  },
  identify: (record) => {
    const sfzhm = text(record['身份证号码']);
    return {
      externalId: orNull(text(record['人员编号'])),
      idNumber: sfzhm ? citizenIdForMatching(sfzhm) : null,
      active: true,
    };
  },
  comparable: (record) => {
    const sfzhm = text(record['身份证号码']);
    return {
      sfzhm: sfzhm ? citizenIdForMatching(sfzhm) : null,
      xm: orNull(text(record['姓名'])),
      xb: orNull(text(record['性别'])),
      csrq: isoDate(record['出生日期']),
      whcd: code(record['文化程度'], 2),
      jyzt: orNull(text(record['就业状态'])),
      lxdh: orNull(text(record['联系电话'])),
      jtzz: orNull(text(record['家庭住址'])),
    };
  },
};
