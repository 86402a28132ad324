import { citizenIdForMatching, type ExportReader } from '../common';
import { isInCorrections } from './justice-corrections.codes';

/** Full-width digits, letters and hyphens (typed with the IME in full-width mode) → ASCII. */
const halfWidth = (text: string): string =>
  text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF0D]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );

/**
 * A flat as the hub writes it (`3幢2单元501室`, see `CurrentAddress.text`). Department staff
 * also type `3-2-501` or `3栋2单元501`; those are the same flat, not a difference to report.
 * Anything else is left as typed.
 */
export function hubFlatAddress(address: string): string {
  return halfWidth(address)
    .replace(/\s+/g, '')
    .replace(/[—–]/g, '-')
    .replace(/([0-9A-Za-z]+)(?:幢|栋|号楼|座)([0-9A-Za-z]+)单元([0-9A-Za-z]+)室?$/, '$1幢$2单元$3室')
    .replace(/(\d+)-(\d+)-(\d+)室?$/, '$1幢$2单元$3室')
    .replace(/([0-9A-Za-z]+)(?:幢|栋|号楼|座)([0-9A-Za-z]+)室?$/, '$1幢$2室');
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Reading a record of `/api/sqjz/ryxx/list` back (reconciliation). Released persons stay in the
 * list with `zt` 2, so `zt` says whether the record is current.
 *
 * `comparable` has `toSqjzRecord`'s shape minus what is not a fact about the person: the
 * department's own `sqjzrybh`, and `zt`, which `map()` always states as 1 and `identify().active`
 * already reports. `lxdh` is stated even when the record has none (empty), so a phone the hub
 * holds and the department lacks shows as a difference.
 */
export const justiceCorrectionsExportReader: ExportReader = {
  fields: {
    xm: 'name',
    sfzh: 'idNumber',
    xb: 'gender',
    jzlb: 'owned',
    jzqxStart: 'owned',
    jzqxEnd: 'owned',
    lxdh: 'phone',
    jzdz: 'address',
  },
  identify: (record) => {
    const sfzh = text(record.sfzh);
    return {
      externalId: text(record.sqjzrybh) || null,
      idNumber: sfzh ? citizenIdForMatching(sfzh) : null,
      active: isInCorrections(text(record.zt)),
    };
  },
  comparable: (record) => {
    const sfzh = text(record.sfzh);
    return {
      xm: text(record.xm),
      sfzh: sfzh ? citizenIdForMatching(sfzh) : null,
      xb: text(record.xb),
      jzlb: text(record.jzlb),
      jzqxStart: text(record.jzqxStart),
      jzqxEnd: text(record.jzqxEnd),
      lxdh: text(record.lxdh),
      jzdz: hubFlatAddress(text(record.jzdz)),
    };
  },
};
