import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DeliveryStatus } from '../api/deliveries';
import { formatDateTime } from '../lib/format';
import { maskPersonalText } from '../lib/mask';
import { DELIVERY_STATUS, ERROR_KINDS, systemName } from '../lib/systems';

type Row = Record<string, unknown>;

const LABELS: Record<string, string> = {
  id: '编号',
  system: '部门系统',
  subjectType: '对象类型',
  subjectId: '对象编号',
  name: '姓名',
  idNumber: '公民身份号码',
  externalId: '部门记录编号',
  status: '状态',
  state: '状态',
  version: '版本',
  attempts: '尝试次数',
  errorKind: '错误类别',
  lastError: '原因',
  error: '原因',
  startedAt: '开始时间',
  finishedAt: '完成时间',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  checked: '核对条数',
  matched: '一致',
  missing: '部门缺失',
  extra: '部门多出',
  different: '不一致',
  mismatched: '不一致',
  repaired: '已修复',
};

function render(key: string, value: unknown) {
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'system' && typeof value === 'string') return systemName(value);
  if (key === 'status' && typeof value === 'string' && value in DELIVERY_STATUS) {
    const look = DELIVERY_STATUS[value as DeliveryStatus];
    return <Tag color={look.color}>{look.label}</Tag>;
  }
  if (key === 'errorKind' && typeof value === 'string' && value in ERROR_KINDS) {
    return ERROR_KINDS[value as keyof typeof ERROR_KINDS].label;
  }
  if (key === 'subjectType')
    return value === 'household' ? '户' : value === 'resident' ? '居民' : String(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
  // Every text goes through the mask: this table is for IT operators.
  return maskPersonalText(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/**
 * A table for rows whose exact shape the API owns (delivery search, reconciliation results):
 * known fields get Chinese headings, the rest show as they come, all text masked.
 */
export function MaskedTable({
  rows,
  loading,
  testId,
  preferred,
  hidden = [],
}: {
  rows: Row[];
  loading?: boolean;
  testId?: string;
  preferred?: string[];
  hidden?: string[];
}) {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !hidden.includes(k));
  const ordered = [
    ...(preferred ?? []).filter((k) => keys.includes(k)),
    ...keys.filter((k) => !preferred?.includes(k)),
  ];
  const columns: ColumnsType<Row> = ordered.map((key) => ({
    title: LABELS[key] ?? key,
    dataIndex: key,
    key,
    render: (value: unknown) => render(key, value),
  }));
  return (
    <Table
      rowKey={(r) => String(r.id ?? r.jobId ?? JSON.stringify(r))}
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows}
      data-testid={testId}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
    />
  );
}
