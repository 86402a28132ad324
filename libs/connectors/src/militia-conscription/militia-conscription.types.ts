/** The department's roster template (sheet `兵役登记花名册`), in its own column names. */
export const ROSTER_SHEET = '兵役登记花名册';

export const ROSTER_HEADERS = [
  '序号',
  '姓名',
  '公民身份号码',
  '出生年月',
  '文化程度',
  '政治面貌',
  '联系电话',
  '户籍地',
  '现居住地',
  '登记类型',
] as const;

/** Data rows start on the sheet's row 3 (row 1 title, row 2 headers); rejections count from there. */
export const FIRST_DATA_ROW = 3;

export type RegistrationType = '初次登记' | '变更登记' | '注销登记';

/** One roster line, as the department takes it (序号 is given when the roster is built). */
export interface RosterEntry {
  姓名: string;
  公民身份号码: string;
  /** `yyyy.MM`. */
  出生年月: string;
  文化程度: string;
  政治面貌: string;
  联系电话: string;
  户籍地: string;
  现居住地: string;
  登记类型: RegistrationType;
}

/** `POST /byd/roster/upload` reply: `row` is the sheet row (3 = first data row). */
export interface UploadReply {
  accepted: number;
  rejected: Array<{ row: number; reason: string }>;
}

export interface MilitiaConscriptionOptions {
  baseUrl: string;
  username: string;
  password: string;
  timeoutMs?: number;
  /** The registration year `exportAll` reads (default: this year). */
  now?: () => Date;
}
