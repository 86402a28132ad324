/** A 社区矫正人员 record as the system stores it (spec §9; field names are the system's). */
export interface SqjzRecord {
  /** The system's own id; absent when the hub registers someone new. */
  sqjzrybh?: string;
  xm: string;
  /** Always held by the department; left out only when the hub lacks it (then refused). */
  sfzh?: string;
  /** GB/T 2261.1 gender code. */
  xb: string;
  /** 1 管制 / 2 缓刑 / 3 假释 / 4 暂予监外执行 (the hub's corrections types are these digits). */
  jzlb: string;
  jzqxStart: string;
  jzqxEnd: string;
  lxdh?: string;
  jzdz?: string;
  /** 1 in corrections / 2 released. */
  zt: SqjzStatus;
}

export type SqjzStatus = '1' | '2';

/**
 * The decrypted reply. The spec fixes the envelope but not what is inside it; we read the usual
 * `{code, message, data}` shape and tolerate a bare payload.
 */
export interface SqjzReply {
  code?: string | number;
  message?: string;
  msg?: string;
  data?: unknown;
  [key: string]: unknown;
}

export interface JusticeCorrectionsOptions {
  baseUrl: string;
  /** SM4 key, 32 hex digits. */
  sm4Key: string;
  /** HMAC-SM3 key (a passphrase; its UTF-8 bytes are the key). */
  macKey: string;
  timeoutMs?: number;
  pageSize?: number;
}
