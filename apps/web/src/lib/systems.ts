import type { DeliveryStatus } from '../api/deliveries';
import type { ErrorKind } from '../api/connectors';

/** The twelve departments, in the order operators know them (the API also sends the names). */
export const SYSTEM_NAMES: Record<string, string> = {
  'police-population': '公安局 实有人口管理系统',
  'civil-assistance': '民政局 社会救助(低保)信息系统',
  'aging-services': '老龄办 养老服务信息系统',
  'family-planning': '卫生计生委 全员人口信息系统',
  'public-health': '卫生计生委 居民健康档案系统',
  employment: '人社局 就业创业管理信息系统',
  'social-insurance': '人社局 城乡居民养老保险系统',
  disability: '残联 残疾人人口基础数据库',
  'justice-corrections': '司法局 社区矫正信息系统',
  'militia-conscription': '人武部 兵役登记信息系统',
  'grid-governance': '综治办 网格化社会治理平台',
  statistics: '统计局 统计联网直报平台',
};

export const systemName = (slug: string): string => SYSTEM_NAMES[slug] ?? slug;

export const DELIVERY_STATUS: Record<DeliveryStatus, { label: string; color: string }> = {
  pending: { label: '待发送', color: 'default' },
  sent: { label: '已发送', color: 'processing' },
  confirmed: { label: '已确认', color: 'success' },
  failed: { label: '失败', color: 'error' },
  waiting: { label: '等待', color: 'warning' },
  not_relevant: { label: '不涉及', color: 'default' },
  origin: { label: '来源', color: 'purple' },
};

export const ERROR_KINDS: Record<ErrorKind, { label: string; hint: string }> = {
  temporary: { label: '临时故障', hint: '网络或对方系统暂时不可用，可重试' },
  auth: { label: '认证失败', hint: '接口凭证失效，更新凭证后重试' },
  refused: { label: '部门拒收', hint: '对方系统按业务规则拒绝，请按原因处理后重试' },
  invalid: { label: '数据无效', hint: '报文不符合对方接口要求，需开发人员排查' },
};

export const MODE_NAMES: Record<string, string> = {
  online: '实时接口',
  batch: '批量文件',
  report: '统计报送',
};

/**
 * One status for several subjects (a household and its members) in one system: the one that
 * needs attention first. A system that concerns none of them is 不涉及.
 */
const ATTENTION: DeliveryStatus[] = [
  'failed',
  'waiting',
  'pending',
  'sent',
  'confirmed',
  'origin',
  'not_relevant',
];
export function combinedStatus(statuses: DeliveryStatus[]): DeliveryStatus {
  const relevant = statuses.filter((s) => s !== 'not_relevant');
  if (relevant.length === 0) return 'not_relevant';
  if (relevant.every((s) => s === 'origin')) return 'origin';
  const open = new Set<DeliveryStatus>(relevant.filter((s) => s !== 'origin'));
  return ATTENTION.find((s) => open.has(s)) ?? 'confirmed';
}

export const isSettled = (status: DeliveryStatus): boolean => status !== 'pending' && status !== 'sent';
