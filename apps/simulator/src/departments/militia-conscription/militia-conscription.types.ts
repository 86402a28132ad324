/** The department's template, exactly: sheet name, title suffix and the header row. */
export const SHEET_NAME = '兵役登记花名册';
export const TITLE_SUFFIX = '兵役登记花名册';
export const HEADERS = [
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

/** Title of an export that is not limited to one community. */
export const ALL_COMMUNITIES = '全部社区';

export const REGISTRATION_TYPES = ['初次登记', '变更登记', '注销登记'] as const;
export type RegistrationType = (typeof REGISTRATION_TYPES)[number];

/** GB/T 4658 words as the department's drop-down lists them (`高中` is what people type for 普通高中). */
export const EDUCATION_WORDS = new Set([
  '研究生',
  '博士',
  '硕士',
  '大学本科',
  '大学专科',
  '中等职业教育',
  '中专',
  '职业高中',
  '技工学校',
  '普通高中',
  '高中',
  '初中',
  '小学',
  '其他',
]);

/** GB/T 4762 words. */
export const POLITICAL_WORDS = new Set([
  '中共党员',
  '中共预备党员',
  '共青团员',
  '民革党员',
  '民盟盟员',
  '民建会员',
  '民进会员',
  '农工党党员',
  '致公党党员',
  '九三学社社员',
  '台盟盟员',
  '无党派人士',
  '群众',
]);

/** One registered man, in the department's own (template) field names. */
export interface RosterEntry {
  姓名: string;
  公民身份号码: string;
  /** `yyyy.MM` */
  出生年月: string;
  文化程度: string;
  政治面貌: string;
  联系电话: string;
  户籍地: string;
  现居住地: string;
  登记类型: RegistrationType;
  /** From the roster's title: whose community this man was registered through. */
  社区: string;
}

/** A data row as read from an uploaded sheet: its Excel row number and its cells as text. */
export interface SheetRow {
  row: number;
  cells: Record<(typeof HEADERS)[number], string>;
  /** The ID number was typed as a number: Excel has already lost its last digits. */
  numericId: boolean;
}
