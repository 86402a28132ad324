/** A roster row of 城乡居民养老保险系统, under its CSV column names. */
export const ROSTER_COLUMNS = [
  '个人编号',
  '公民身份号码',
  '姓名',
  '性别',
  '出生日期',
  '户籍性质',
  '参保状态',
  '联系电话',
  '户籍地址',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
export type Insured = Record<RosterColumn, string>;

/** An upload row: the roster columns and what to do. */
export const UPLOAD_COLUMNS = [...ROSTER_COLUMNS, '操作'] as const;
export type UploadRow = Insured & { 操作: string };

export const RESULT_COLUMNS = ['行号', '公民身份号码', '处理结果', '原因', '个人编号'] as const;

export const HOUSEHOLD_KINDS = ['农业', '非农业', '居民'];
export const STATES = ['参保缴费', '暂停缴费', '终止参保', '待遇领取'];

/** A row refused; its reason goes into the result file. */
export class RowRefusal extends Error {
  constructor(
    reason: string,
    readonly duplicate = false,
  ) {
    super(reason);
  }
}
