import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReconciliationDifference, ReconciliationRun } from '../../api/connectors';
import { fieldLabel } from '../../lib/field-path';
import { formatDateTime } from '../../lib/format';
import { maskPersonalText } from '../../lib/mask';

const KIND_NAMES: Record<ReconciliationDifference['kind'], string> = {
  missing: '部门缺失',
  extra: '部门多出',
  different: '内容不一致',
  duplicate: '部门重复',
};

const count = (v: number | null) => v ?? '—';

const columns: ColumnsType<ReconciliationRun> = [
  { title: '部门系统', dataIndex: 'name', width: 240 },
  {
    title: '结果',
    dataIndex: 'status',
    width: 80,
    render: (s: string) =>
      s === 'completed' ? <Tag color="success">完成</Tag> : <Tag color="error">失败</Tag>,
  },
  { title: '中台应有', dataIndex: 'expected', render: count },
  { title: '部门持有', dataIndex: 'held', render: count },
  { title: '部门缺失', dataIndex: 'missing', render: count },
  { title: '部门多出', dataIndex: 'extra', render: count },
  { title: '不一致', dataIndex: 'different', render: count },
  { title: '重复', dataIndex: 'duplicates', render: count },
  {
    title: '已修复',
    dataIndex: 'repaired',
    render: (v: number | null, r) => (r.repair ? count(v) : '未修复'),
  },
  { title: '完成时间', dataIndex: 'finishedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
];

function Differences({ run }: { run: ReconciliationRun }) {
  if (run.error) return <span style={{ color: '#cf1322' }}>{maskPersonalText(run.error)}</span>;
  const list = run.differences ?? [];
  if (list.length === 0) return <span>没有差异</span>;
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }}>
      {list.slice(0, 50).map((d, i) => (
        <li key={`${d.kind}-${d.externalId ?? d.subjectId ?? i}-${i}`}>
          {KIND_NAMES[d.kind] ?? d.kind}：{maskPersonalText(d.externalId ?? d.idNumber ?? d.subjectId ?? '—')}
          {d.fields && d.fields.length > 0 && `（${d.fields.map((f) => fieldLabel(f.field)).join('、')}）`}
        </li>
      ))}
      {list.length > 50 && <li>…… 共 {list.length} 条，仅显示前 50 条</li>}
    </ul>
  );
}

/** Each system's latest reconciliation: counts, and the first differences when a row is opened. */
export function ReconciliationTable({ runs, loading }: { runs: ReconciliationRun[]; loading: boolean }) {
  return (
    <Table
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={runs}
      pagination={false}
      data-testid="reconciliation-results"
      locale={{ emptyText: '还没有对账记录' }}
      expandable={{ expandedRowRender: (run) => <Differences run={run} /> }}
    />
  );
}
