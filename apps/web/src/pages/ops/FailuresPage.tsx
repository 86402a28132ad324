import { App, Button, Card, Collapse, Empty, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorText } from '../../api/client';
import { connectorsApi, type ErrorKind, type FailedDelivery } from '../../api/connectors';
import { useLoader } from '../../hooks/useLoader';
import { formatDateTime } from '../../lib/format';
import { maskPersonalText } from '../../lib/mask';
import { ERROR_KINDS, systemName } from '../../lib/systems';

const KIND_ORDER: Array<ErrorKind | 'unknown'> = ['refused', 'invalid', 'auth', 'temporary', 'unknown'];

const columns: ColumnsType<FailedDelivery> = [
  { title: '编号', dataIndex: 'id', width: 90 },
  {
    title: '对象',
    width: 170,
    render: (_, f) => `${f.subjectType === 'household' ? '户' : '居民'} ${f.subjectId.slice(0, 8)}`,
  },
  { title: '版本', dataIndex: 'version', width: 60 },
  { title: '尝试次数', dataIndex: 'attempts', width: 80 },
  {
    title: '部门返回的原因',
    dataIndex: 'lastError',
    render: (v: string | null) => maskPersonalText(v) || '—',
  },
  { title: '时间', dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v) },
];

/** 失败处理: a system's failures grouped by error kind; a whole group is retried at once. */
export default function FailuresPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const overview = useLoader(() => connectorsApi.overview(), []);
  const system = params.get('system') ?? overview.data?.find((r) => (r.ledger.failed ?? 0) > 0)?.system ?? '';
  const failures = useLoader(
    () => (system ? connectorsApi.failures(system) : Promise.resolve([])),
    [system],
    5000,
  );
  const [busy, setBusy] = useState<string>();

  const retry = async (kind?: ErrorKind) => {
    setBusy(kind ?? 'all');
    try {
      const { retried } = await connectorsApi.retry(system, kind);
      message.success(`已重新排队 ${retried} 条`);
      failures.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };

  const rows = failures.data ?? [];
  const groups = KIND_ORDER.map((kind) => ({
    kind,
    rows: rows.filter((r) => (r.errorKind ?? 'unknown') === kind),
  })).filter((g) => g.rows.length > 0);

  return (
    <Card
      title="失败处理"
      extra={
        <Space>
          <Select
            style={{ width: 300 }}
            placeholder="选择部门系统"
            value={system || undefined}
            onChange={(v: string) => setParams({ system: v })}
            data-testid="failures-system"
            options={(overview.data ?? []).map((r) => ({
              value: r.system,
              label: `${r.name}${r.ledger.failed ? `（失败 ${r.ledger.failed}）` : ''}`,
            }))}
          />
          <Popconfirm
            title="重试该系统全部失败记录？"
            okText="重试"
            cancelText="取消"
            onConfirm={() => void retry()}
            disabled={!rows.length}
          >
            <Button disabled={!rows.length} loading={busy === 'all'} data-testid={`retry-all-${system}`}>
              全部重试
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      {system && (
        <Typography.Paragraph type="secondary">
          {systemName(system)}：最近 {rows.length}{' '}
          条失败记录，按错误类别分组。部门拒收的请先按原因更正档案再重试。
        </Typography.Paragraph>
      )}
      {groups.length === 0 ? (
        <Empty description={system ? '该系统没有失败的投递' : '请选择部门系统'} />
      ) : (
        <Collapse
          defaultActiveKey={groups.map((g) => g.kind)}
          items={groups.map((g) => ({
            key: g.kind,
            label: (
              <Space data-testid={`failure-group-${system}-${g.kind}`}>
                <Tag color={g.kind === 'temporary' ? 'orange' : 'red'}>
                  {g.kind === 'unknown' ? '未分类' : ERROR_KINDS[g.kind].label}
                </Tag>
                <span data-testid={`failure-count-${system}-${g.kind}`}>{g.rows.length} 条</span>
                <Typography.Text type="secondary">
                  {g.kind === 'unknown' ? '' : ERROR_KINDS[g.kind].hint}
                </Typography.Text>
              </Space>
            ),
            extra:
              g.kind === 'unknown' ? null : (
                <Button
                  size="small"
                  type="primary"
                  loading={busy === g.kind}
                  data-testid={`retry-group-${system}-${g.kind}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    void retry(g.kind as ErrorKind);
                  }}
                >
                  重试整组
                </Button>
              ),
            children: (
              <Table
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={g.rows}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
              />
            ),
          }))}
        />
      )}
    </Card>
  );
}
