/** 人社局 就业创业管理信息系统: the form fields of /jy/ryxx.do. */
export interface EmploymentForm {
  /** Own id, known after the first save. */
  jyrybh?: string;
  sfzhm: string;
  /** At most 10 characters, all in GBK. */
  xm: string;
  /** `1` male / `2` female. */
  xb: '1' | '2';
  /** `yyyy-MM-dd`. */
  csrq: string;
  /** GB/T 4658, 2 digits. */
  whcd?: string;
  /** `1` employed / `2` unemployed / `3` flexible / `4` retired / `5` student. */
  jyzt?: string;
  lxdh?: string;
  jtzz?: string;
}

/** The export's Chinese headers (also the change feed's). */
export const EXPORT_HEADERS = [
  '人员编号',
  '身份证号码',
  '姓名',
  '性别',
  '出生日期',
  '文化程度',
  '就业状态',
  '联系电话',
  '家庭住址',
] as const;

export type EmploymentExportRow = Partial<Record<(typeof EXPORT_HEADERS)[number], string>>;

export interface EmploymentOptions {
  baseUrl: string;
  username: string;
  password: string;
  timeoutMs?: number;
}
