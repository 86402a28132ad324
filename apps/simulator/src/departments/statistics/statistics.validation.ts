import { FIGURE_NAMES, FIGURES, type FigureName, type ReportSubmission } from './statistics.types';

export type SubmissionCheck =
  { ok: true; report: ReportSubmission } | { ok: false; field: string; message: string };

const SHANGHAI_MS = 8 * 3600_000;

/** The first instant after the deadline: the 5th of the following month, 24:00 Asia/Shanghai. */
export function deadlineOf(period: string): Date {
  const [year, month] = period.split('-').map(Number);
  // Date.UTC months are 0-based, so `month` is already the following month (and rolls into January).
  return new Date(Date.UTC(year, month, 6) - SHANGHAI_MS);
}

/** The deadline as people write it: `2026-11-05 24:00`. */
export function deadlineText(period: string): string {
  const lastDay = new Date(deadlineOf(period).getTime() + SHANGHAI_MS - 1);
  return `${lastDay.toISOString().slice(0, 10)} 24:00`;
}

const shanghaiMonth = (at: Date): string => new Date(at.getTime() + SHANGHAI_MS).toISOString().slice(0, 7);

/**
 * What the platform checks before it takes a report: the identifiers, every figure a non-negative
 * integer, and the sums a statistician would check by hand.
 */
export function checkSubmission(body: unknown, now: Date): SubmissionCheck {
  const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const refuse = (field: string, message: string): SubmissionCheck => ({ ok: false, field, message });
  const { communityCode, period } = input;
  if (typeof communityCode !== 'string' || !/^\d{12}$/.test(communityCode))
    return refuse('communityCode', '统计用区划代码(communityCode)应为12位数字');
  if (typeof period !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(period))
    return refuse('period', '报告期(period)格式应为yyyy-MM');
  if (period > shanghaiMonth(now)) return refuse('period', `报告期${period}尚未开始，不能报送`);
  for (const name of FIGURE_NAMES) {
    const value = input[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      return refuse(name, `${FIGURES[name]}(${name})必须为非负整数`);
  }
  const n = (name: FigureName): number => input[name] as number;
  if (n('male') + n('female') !== n('population'))
    return refuse(
      'male',
      `男性人口与女性人口之和(${n('male') + n('female')})应等于总人口(${n('population')})`,
    );
  const bands = n('age0to14') + n('age15to59') + n('age60plus');
  if (bands !== n('population'))
    return refuse('age0to14', `各年龄段人口之和(${bands})应等于总人口(${n('population')})`);
  if (n('age80plus') > n('age60plus')) return refuse('age80plus', '80岁及以上人口不能大于60岁及以上人口');
  for (const name of ['disabled', 'dibaoPersons', 'unemployed'] as const)
    if (n(name) > n('population')) return refuse(name, `${FIGURES[name]}不能大于总人口`);
  if (n('dibaoHouseholds') > n('dibaoPersons')) return refuse('dibaoHouseholds', '低保户数不能大于低保人数');
  const figures = Object.fromEntries(FIGURE_NAMES.map((name) => [name, n(name)]));
  return { ok: true, report: { communityCode, period, ...figures } as ReportSubmission };
}
