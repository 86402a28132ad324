import { Alert, App, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../../api/client';
import { reviewsApi, type GoldenRecord } from '../../api/reviews';
import { useCodeName } from '../../hooks/useCodes';
import { useLoader } from '../../hooks/useLoader';
import { formatDateTime } from '../../lib/format';
import { systemName } from '../../lib/systems';

const ACTIONS: Record<string, string> = {
  resolved: '自动归并',
  merged: '人工合并',
  'merged-into': '并入其他档案',
  unmerged: '拆分',
  'split-from': '从其他档案拆出',
};

/** Who acted: a person by name; the go-live import and the matcher as the system. */
function actorName(actor: string | null, name: string | null | undefined): string {
  if (name) return name;
  if (!actor || actor === 'import' || actor.startsWith('inbound:')) return '系统（自动）';
  return '已删除的用户';
}

/** History details in words: "并入 1 份档案（审核 #2）" rather than JSON. */
function describeDetail(detail: unknown): string {
  if (!detail || typeof detail !== 'object') return '—';
  const d = detail as Record<string, unknown>;
  const parts: string[] = [];
  if (Array.isArray(d.absorbed)) parts.push(`并入 ${d.absorbed.length} 份档案`);
  if (Array.isArray(d.into)) parts.push(`拆出 ${d.into.length} 份档案`);
  else if (typeof d.into === 'string') parts.push('并入另一份档案');
  if (typeof d.from === 'string') parts.push('从另一份档案拆出');
  if (typeof d.sources === 'number') parts.push(`来源记录 ${d.sources} 条`);
  if (typeof d.joined === 'number' && d.joined > 0) parts.push(`归并 ${d.joined} 份旧档案`);
  if (d.review !== undefined) parts.push(`审核 #${String(d.review)}`);
  return parts.length > 0 ? parts.join('，') : JSON.stringify(d);
}

const addressText = (address: unknown): string =>
  address && typeof address === 'object' && 'text' in address ? String(address.text) : '—';

/** 统一人员档案: one person as resolved from the departments' records; a wrong merge is undone here. */
export default function GoldenPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const codeName = useCodeName();
  const { data: g, error, reload } = useLoader(() => reviewsApi.golden(id), [id]);
  const [split, setSplit] = useState<string[]>();
  const [busy, setBusy] = useState(false);

  const unmerge = async () => {
    setBusy(true);
    try {
      const { goldenIds } = await reviewsApi.unmerge(id);
      setSplit(goldenIds);
      message.success(`已拆分为 ${goldenIds.length} 份档案`);
      reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (error && !g) return <Alert type="error" showIcon message={error.message} />;
  if (!g) return <Skeleton active />;
  const canSplit = g.status === 'active' && g.sources.length > 1;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {split && (
        <Alert
          type="success"
          showIcon
          data-testid="unmerge-result"
          message="拆分完成"
          description={
            <Space wrap>
              {split.map((gid, index) => (
                <Link key={gid} to={`/golden/${gid}`} data-testid="unmerge-result-link">
                  查看拆出的档案{index + 1}
                </Link>
              ))}
            </Space>
          }
        />
      )}
      <Card
        title={
          <Space>
            统一人员档案 <span data-testid="golden-name">{g.name ?? '—'}</span>
            <Tag color={g.status === 'active' ? 'green' : 'default'}>
              {g.status === 'active' ? '有效' : '已停用'}
            </Tag>
          </Space>
        }
        extra={
          <Popconfirm
            title="拆分后，每条来源记录各成一份档案，且以后不会再自动合并。确定拆分？"
            okText="拆分"
            cancelText="取消"
            disabled={!canSplit}
            onConfirm={() => void unmerge()}
          >
            <Button danger disabled={!canSplit} loading={busy} data-testid="golden-unmerge">
              拆分
            </Button>
          </Popconfirm>
        }
      >
        <Descriptions column={{ xs: 1, md: 3 }} size="small" bordered>
          <Descriptions.Item label="公民身份号码">{g.idNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="性别">{codeName('gender', g.gender)}</Descriptions.Item>
          <Descriptions.Item label="出生日期">{g.birthDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{g.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="住址" span={2}>
            {addressText(g.address)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={`来源记录（${g.sources.length}）`} size="small">
        <Table<GoldenRecord['sources'][number]>
          rowKey={(s) => `${s.system}:${s.recordId}`}
          size="small"
          pagination={false}
          dataSource={g.sources}
          columns={[
            { title: '部门系统', dataIndex: 'system', render: (s: string) => systemName(s) },
            { title: '部门记录编号', dataIndex: 'recordId' },
          ]}
        />
      </Card>
      <Card title="档案历史" size="small">
        <Table<GoldenRecord['history'][number]>
          rowKey={(h) => `${h.at}-${h.action}`}
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={[...g.history].reverse()}
          columns={[
            { title: '时间', dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v) },
            { title: '操作', dataIndex: 'action', width: 140, render: (a: string) => ACTIONS[a] ?? a },
            {
              title: '操作人',
              dataIndex: 'actor',
              width: 120,
              render: (_: unknown, h) => actorName(h.actor, h.actorName),
            },
            { title: '说明', dataIndex: 'detail', render: (d: unknown) => describeDetail(d) },
          ]}
        />
      </Card>
    </Space>
  );
}
