/** A person as 就业创业管理信息系统 holds one, in the form's field names. */
export interface Jyry {
  jyrybh: string;
  sfzhm: string;
  xm: string;
  /** `1` male, `2` female */
  xb: string;
  /** yyyy-MM-dd */
  csrq: string;
  /** GB/T 4658 */
  whcd: string;
  /** `1` employed, `2` unemployed, `3` flexible, `4` retired, `5` student */
  jyzt: string;
  lxdh: string;
  jtzz: string;
  /** wants training `0` | `1` */
  pxyx: string;
  /** `1` once the registration was ended (注销); ended people leave the export. */
  zxbz: string;
  /** last change, `yyyy-MM-dd HH:mm:ss` (Asia/Shanghai) */
  gxsj: string;
}

export const FORM_FIELDS = ['sfzhm', 'xm', 'xb', 'csrq', 'whcd', 'jyzt', 'lxdh', 'jtzz', 'pxyx'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** The export's Chinese header and the field behind each column. */
export const EXPORT_COLUMNS: ReadonlyArray<[string, keyof Jyry]> = [
  ['人员编号', 'jyrybh'],
  ['身份证号码', 'sfzhm'],
  ['姓名', 'xm'],
  ['性别', 'xb'],
  ['出生日期', 'csrq'],
  ['文化程度', 'whcd'],
  ['就业状态', 'jyzt'],
  ['联系电话', 'lxdh'],
  ['家庭住址', 'jtzz'],
];

/** A refusal, answered `1|<reason>`. */
export class Refusal extends Error {
  constructor(
    reason: string,
    readonly duplicate = false,
  ) {
    super(reason);
  }
}
