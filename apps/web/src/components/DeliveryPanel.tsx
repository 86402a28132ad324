import { SyncOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ColumnsType } from 'antd/es/table';
import {
  deliveriesApi,
  type HouseholdDeliveries,
  type ResidentDeliveries,
  type SystemDelivery,
} from '../api/deliveries';
import { useLoader } from '../hooks/useLoader';
import { formatDateTime } from '../lib/format';
import { DELIVERY_STATUS, isSettled } from '../lib/systems';
import { DeliveryStatusTag } from './DeliveryStatusTag';
import { HouseholdDeliveryTable } from './HouseholdDeliveryTable';

const REFRESH_MS = 2000;

export type DeliverySubject = { type: 'resident' | 'household'; id: string };

type Loaded =
  { kind: 'resident'; body: ResidentDeliveries } | { kind: 'household'; body: HouseholdDeliveries };

/**
 * 数据去向: where a change went, one row per department, refreshed every two seconds in place.
 * Shown after saving and on every resident's and household's page.
 */
export function DeliveryPanel({ subject, title = '数据去向' }: { subject: DeliverySubject; title?: string }) {
  const { data, error, loading } = useLoader<Loaded>(
    (signal) =>
      subject.type === 'resident'
        ? deliveriesApi.resident(subject.id, signal).then((body) => ({ kind: 'resident' as const, body }))
        : deliveriesApi.household(subject.id, signal).then((body) => ({ kind: 'household' as const, body })),
    [subject.type, subject.id],
    REFRESH_MS,
  );

  const all: SystemDelivery[] = !data
    ? []
    : data.kind === 'resident'
      ? data.body.systems
      : [...data.body.household.systems, ...data.body.members.flatMap((m) => m.systems)];
  const relevant = all.filter((s) => s.status !== 'not_relevant');
  const open = relevant.filter((s) => !isSettled(s.status)).length;

  return (
    <Card
      data-testid="delivery-panel"
      title={title}
      size="small"
      extra={
        <Space>
          {open > 0 && <SyncOutlined spin />}
          <Typography.Text type="secondary">
            {relevant.length === 0
              ? '每2秒自动刷新'
              : `已确认 ${relevant.filter((s) => s.status === 'confirmed').length} / 涉及 ${relevant.length}`}
          </Typography.Text>
        </Space>
      }
    >
      {error && !data && (
        <Alert
          type="warning"
          showIcon
          message={`数据去向暂不可用：${error.message}`}
          style={{ marginBottom: 8 }}
        />
      )}
      {data?.kind === 'resident' && (
        <ResidentDeliveryTable systems={data.body.systems} loading={loading} residentId={subject.id} />
      )}
      {data?.kind === 'household' && <HouseholdDeliveryTable data={data.body} loading={loading} />}
    </Card>
  );
}

/** A refusal: the department's words, what to do, and the way to the form that fixes it. */
function RefusalNote({ row, residentId }: { row: SystemDelivery; residentId: string }) {
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text type="danger">{row.error ?? '部门未说明原因'}</Typography.Text>
      {row.fix && (
        <Typography.Text type="secondary" data-testid={`delivery-fix-${row.system}`}>
          {row.fix.hint}
          {row.fix.action && (
            <>
              {' '}
              <Link to={`/residents/${residentId}?action=${row.fix.action}`}>去更正</Link>
            </>
          )}
          {' · '}
          <Link to="/todo">在待办中重新发送</Link>
        </Typography.Text>
      )}
    </Space>
  );
}

function ResidentDeliveryTable({
  systems,
  loading,
  residentId,
}: {
  systems: SystemDelivery[];
  loading: boolean;
  residentId: string;
}) {
  const columns: ColumnsType<SystemDelivery> = [
    { title: '部门系统', dataIndex: 'name', width: 260 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (_, row) => (
        <DeliveryStatusTag status={row.status} error={row.error} testId={`delivery-${row.system}`} />
      ),
    },
    { title: '版本', dataIndex: 'version', width: 70, render: (v: number | null) => v ?? '—' },
    { title: '尝试次数', dataIndex: 'attempts', width: 90, render: (v: number | null) => v ?? '—' },
    {
      title: '说明',
      dataIndex: 'error',
      render: (_, row) =>
        row.status === 'failed' ? (
          <RefusalNote row={row} residentId={residentId} />
        ) : row.status === 'waiting' ? (
          <Typography.Text type="warning">{row.error ?? '等待补齐信息后自动发送'}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{statusHint(row)}</Typography.Text>
        ),
    },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      width: 170,
      render: (v: string | null) => formatDateTime(v),
    },
  ];
  return (
    <Table
      rowKey="system"
      size="small"
      pagination={false}
      loading={loading && systems.length === 0}
      columns={columns}
      dataSource={systems}
    />
  );
}

/** Why something has not arrived yet, when it waits for a reason the worker should know. */
function waitingReason(row: SystemDelivery): string | null {
  if (row.paused) return '该部门接口已由运维人员暂停，恢复后自动发送';
  if (row.errorKind === 'scheduled' && row.error) return row.error;
  if (row.errorKind === 'auth') return '接口凭证问题，运维人员处理后自动重发';
  if (row.error) return `暂未成功（${row.error}），将自动重试`;
  return null;
}

function statusHint(row: SystemDelivery): string {
  switch (row.status) {
    case 'pending':
      return waitingReason(row) ?? '排队等待发送';
    case 'sent':
      return waitingReason(row) ?? '已发送，等待部门确认';
    case 'waiting':
      return row.error ?? '等待补齐信息后自动发送';
    case 'confirmed':
      return '部门已接收';
    case 'not_relevant':
      return '该部门不需要此信息';
    case 'origin':
      return '信息来自该部门';
    case 'failed':
      return DELIVERY_STATUS.failed.label;
  }
}
