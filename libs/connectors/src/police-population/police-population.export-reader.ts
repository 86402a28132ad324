import { citizenIdForMatching, type ExportReader } from '../common';

/** A QueryRyxx value as text: the soap client gives '' for an empty element, nothing for a missing one. */
const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

/** Empty is "the police hold nothing", the same as `toPoliceRecord` leaving the field out. */
const orNull = (value: string): string | null => (value === '' ? null : value);

/** GB/T codes are fixed-width; a hand-typed `1` for `01` is the same code. */
const code = (value: unknown, width: number): string | null => {
  const raw = text(value);
  return /^\d+$/.test(raw) ? raw.padStart(width, '0') : orNull(raw);
};

/** `CSRQ` is `yyyyMMdd` like `toPoliceRecord` sends it; a dashed date is the same date. */
const compactDate = (value: unknown): string | null => orNull(text(value).replace(/[-/.]/g, ''));

/**
 * Reading a QueryRyxx person back (reconciliation). The police keep ended persons with `ZT`
 * `1` dead / `2` moved out, so status lives in `identify`, not in `comparable`. `RYBH` (own id)
 * and `BGSJ` (its clock) are the department's; `ZT` is left out too, as `toPoliceRecord` always
 * says `0` and ending goes through `ZxRyxx`.
 */
export const policePopulationExportReader: ExportReader = {
  fields: {
    GMSFHM: 'idNumber',
    XM: 'name',
    XB: 'gender',
    MZ: 'ethnicity',
    CSRQ: 'birthDate',
    HH: 'household',
    YHZGX: 'household',
    HJDZ: 'registeredAddress',
    XZZ: 'address',
    RYLB: 'registrationType',
    LXDH: 'phone',
  },
  identify: (record) => {
    const zt = text(record.ZT);
    const gmsfhm = text(record.GMSFHM);
    return {
      externalId: orNull(text(record.RYBH)),
      // Legacy 15-digit numbers (registered before 1999) are matched on their 18-digit form.
      idNumber: gmsfhm ? citizenIdForMatching(gmsfhm) : null,
      active: zt === '' || zt === '0',
    };
  },
  comparable: (record) => {
    const gmsfhm = text(record.GMSFHM);
    return {
      GMSFHM: gmsfhm ? citizenIdForMatching(gmsfhm) : null,
      XM: orNull(text(record.XM)),
      XB: code(record.XB, 1),
      MZ: code(record.MZ, 2),
      CSRQ: compactDate(record.CSRQ),
      HH: orNull(text(record.HH)),
      YHZGX: code(record.YHZGX, 2),
      HJDZ: orNull(text(record.HJDZ)),
      XZZ: orNull(text(record.XZZ)),
      RYLB: orNull(text(record.RYLB)),
      LXDH: orNull(text(record.LXDH)),
    };
  },
};
