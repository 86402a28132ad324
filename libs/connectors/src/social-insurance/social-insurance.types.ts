/** 人社局 城乡居民养老保险系统: the batch file's columns, in the department's order. */
export const UPLOAD_HEADERS = [
  '个人编号',
  '公民身份号码',
  '姓名',
  '性别',
  '出生日期',
  '户籍性质',
  '参保状态',
  '联系电话',
  '户籍地址',
  '操作',
] as const;

export type UploadHeader = (typeof UPLOAD_HEADERS)[number];
export type InsuranceRow = Record<UploadHeader, string>;
/** The export: the same columns less `操作`. */
export type InsuranceExportRow = Partial<Record<Exclude<UploadHeader, '操作'>, string>>;

export type InsuranceOperation = '新增' | '变更' | '终止';

/** One line of `GET /batch/{batchNo}/result`. */
export interface InsuranceResultRow {
  行号: string;
  公民身份号码: string;
  处理结果: string;
  原因: string;
  个人编号: string;
}

export interface SocialInsuranceOptions {
  baseUrl: string;
  username: string;
  password: string;
  timeoutMs?: number;
  /** Upload window in Beijing time, `HH:mm`; default 22:00–06:00 as the department sets it. */
  windowStart?: string;
  windowEnd?: string;
  /** How often and how long to wait for a batch's results. */
  pollIntervalMs?: number;
  resultTimeoutMs?: number;
}
