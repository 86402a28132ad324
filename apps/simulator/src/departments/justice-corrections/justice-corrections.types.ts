/** A person under community corrections, in the system's own field names. */
export interface CorrectionRecord {
  /** Own id: `JZ` + 6-digit county code + 4-digit year of registration + 6-digit sequence. */
  sqjzrybh: string;
  xm: string;
  sfzh: string;
  /** GB/T 2261.1: `1` male, `2` female. */
  xb: '1' | '2';
  /** `1` 管制 / `2` 缓刑 / `3` 假释 / `4` 暂予监外执行. */
  jzlb: '1' | '2' | '3' | '4';
  jzqxStart: string;
  jzqxEnd: string;
  lxdh?: string;
  jzdz: string;
  /** `1` in corrections / `2` released. */
  zt: '1' | '2';
}

/** Kind of change in the feed: `1` 入矫 (start), `2` 解矫 (end), `3` 信息变更 (other fields). */
export type ChangeKind = '1' | '2' | '3';

export interface ChangeEntry {
  /** The cursor: strictly increasing. */
  xh: number;
  bglx: ChangeKind;
  /** `yyyy-MM-dd HH:mm:ss`, Beijing time. */
  bgsj: string;
  ry: CorrectionRecord;
}

/** A refusal: the HTTP status, the system's code and its Chinese message (all sealed in the reply). */
export class JusticeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
