import { parseCitizenId } from '../../framework';
import { JusticeError, type CorrectionRecord } from './justice-corrections.types';

const FIELDS = ['sqjzrybh', 'xm', 'sfzh', 'xb', 'jzlb', 'jzqxStart', 'jzqxEnd', 'lxdh', 'jzdz', 'zt'];
const PHONE = /^(1[3-9]\d{9}|0519-?8\d{7})$/;

const refuse = (code: string, message: string) => new JusticeError(400, code, message);

function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** The incoming save payload: only the system's fields, all strings. */
export function readSavePayload(body: unknown): Partial<CorrectionRecord> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw refuse('E100', '请求数据必须是矫正人员对象');
  const input = body as Record<string, unknown>;
  const unknown = Object.keys(input).filter((k) => !FIELDS.includes(k));
  if (unknown.length > 0) throw refuse('E100', `不支持的字段：${unknown.join('、')}`);
  for (const [key, value] of Object.entries(input))
    if (value !== null && typeof value !== 'string') throw refuse('E100', `字段 ${key} 必须是字符串`);
  const clean = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== ''));
  if (typeof clean.sfzh === 'string') clean.sfzh = clean.sfzh.toUpperCase();
  return clean;
}

/** Checks a whole record (the save merged over what is on file) as the system does. */
export function validateRecord(record: Partial<CorrectionRecord>): Omit<CorrectionRecord, 'sqjzrybh'> {
  for (const key of ['xm', 'sfzh', 'jzlb', 'jzqxStart', 'jzqxEnd', 'jzdz'] as const)
    if (!record[key]) throw refuse('E100', `缺少必填字段：${key}`);
  const r = record as CorrectionRecord;
  if (r.xm.length > 50) throw refuse('E100', '姓名过长');
  const facts = parseCitizenId(r.sfzh);
  if (!facts) throw refuse('E101', '身份证号码校验错误');
  const male = facts.gender === '1';
  const xb = r.xb ?? (male ? '1' : '2');
  if (xb !== '1' && xb !== '2') throw refuse('E102', '性别代码无效（应为 1 或 2）');
  if ((xb === '1') !== male) throw refuse('E102', '性别与身份证号码不符');
  if (!['1', '2', '3', '4'].includes(r.jzlb))
    throw refuse('E103', '矫正类别无效（应为 1 管制、2 缓刑、3 假释、4 暂予监外执行）');
  if (!isDate(r.jzqxStart) || !isDate(r.jzqxEnd))
    throw refuse('E104', '矫正期限日期格式错误（应为 yyyy-MM-dd）');
  if (r.jzqxEnd < r.jzqxStart) throw refuse('E104', '矫正期限无效：结束日期早于开始日期');
  const zt = r.zt ?? '1';
  if (zt !== '1' && zt !== '2') throw refuse('E105', '矫正状态无效（应为 1 在矫或 2 解矫）');
  if (r.lxdh !== undefined && !PHONE.test(r.lxdh)) throw refuse('E106', '联系电话格式错误');
  return {
    xm: r.xm,
    sfzh: r.sfzh,
    xb,
    jzlb: r.jzlb,
    jzqxStart: r.jzqxStart,
    jzqxEnd: r.jzqxEnd,
    ...(r.lxdh !== undefined ? { lxdh: r.lxdh } : {}),
    jzdz: r.jzdz,
    zt,
  };
}
