/** Where on the resident's page a refusal is fixed: the action that opens the right form. */
export type FixAction = 'details' | 'contact' | 'identity' | 'address' | 'tag-employment' | null;

export interface RefusalFix {
  /** What to do, in the worker's words. */
  hint: string;
  action: FixAction;
}

/** The department's words → the fix. First match wins; the order puts the specific first. */
const RULES: ReadonlyArray<[RegExp, RefusalFix]> = [
  [/文化程度/, { hint: '补录或更正文化程度后自动重新发送', action: 'details' }],
  [/政治面貌/, { hint: '补录或更正政治面貌后自动重新发送', action: 'details' }],
  [/就业状态|就业状况/, { hint: '设置就业状况后自动重新发送', action: 'tag-employment' }],
  [/联系电话|手机/, { hint: '更正联系电话后自动重新发送', action: 'contact' }],
  [/现居住地|住址|地址/, { hint: '补录或更正现住址后自动重新发送', action: 'address' }],
  [
    /年龄不符|无需进行|不在.*范围内的人员/,
    { hint: '该居民不属于该部门登记范围：核对出生日期、性别，信息无误则无需处理', action: 'identity' },
  ],
  [
    /生僻字|字符|GBK|编码/i,
    { hint: '姓名含对方系统无法接收的字：请到该部门窗口办理，办结后点“重新发送”', action: null },
  ],
  [
    /身份号码|身份证|出生日期|出生年月|性别/,
    { hint: '核对身份证号、出生日期、性别（以户口簿为准），更正后自动重新发送', action: 'identity' },
  ],
  [/姓名/, { hint: '核对姓名（以户口簿为准），更正后自动重新发送', action: 'identity' }],
];

const DEFAULT_FIX: RefusalFix = {
  hint: '按部门说明核对信息，更正后自动重新发送；信息无误或已在部门办结时点“重新发送”',
  action: null,
};

/** How a worker fixes what a department refused, read from the department's own message. */
export function refusalFix(message: string | null): RefusalFix {
  if (!message) return DEFAULT_FIX;
  return RULES.find(([pattern]) => pattern.test(message))?.[1] ?? DEFAULT_FIX;
}
