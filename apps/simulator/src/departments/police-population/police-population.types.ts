/** The person record of 实有人口管理系统, in the system's own GA-style field names. */
export const RY_FIELDS = [
  'RYBH',
  'GMSFHM',
  'XM',
  'XB',
  'MZ',
  'CSRQ',
  'HH',
  'YHZGX',
  'HJDZ',
  'XZZ',
  'RYLB',
  'LXDH',
  'ZT',
  'BGSJ',
] as const;

export type RyField = (typeof RY_FIELDS)[number];
export type Ry = Record<RyField, string>;

/** Fields the caller may set; RYBH is the system's, BGSJ its clock's. */
export const WRITABLE_FIELDS = RY_FIELDS.filter((f) => f !== 'RYBH' && f !== 'BGSJ');

/** A business outcome, returned as HTTP 200 with `<code>` and `<message>` (never a SOAP fault). */
export class BusinessError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Refused because the ID number is already held by another person. */
    readonly duplicate = false,
  ) {
    super(message);
  }
}

export const OK = { code: '0000', message: '成功' } as const;
