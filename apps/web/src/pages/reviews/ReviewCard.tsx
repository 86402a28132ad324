import { Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { FieldEvidence, ReviewItem, ReviewSide } from '../../api/reviews';
import { differs, EVIDENCE_FIELDS, evidenceSentence, levelName } from '../../lib/evidence';
import { systemName } from '../../lib/systems';
import { useCodeName } from '../../hooks/useCodes';

interface Props {
  item: ReviewItem;
  busy: boolean;
  onMerge: () => void;
  onKeepApart: () => void;
}

const sideTitle = (label: string, side: ReviewSide) => (
  <Space direction="vertical" size={0}>
    <span>{label}</span>
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {systemName(side.system)} · {side.recordId}
    </Typography.Text>
  </Space>
);

/** One pair side by side: differing fields highlighted, each with its level and weight of evidence. */
export function ReviewCard({ item, busy, onMerge, onKeepApart }: Props) {
  const codeName = useCodeName();
  const value = (row: FieldEvidence, v: string | null) =>
    row.field === 'gender' ? codeName('gender', v) : (v ?? '—');
  const columns: ColumnsType<FieldEvidence> = [
    {
      title: '字段',
      dataIndex: 'field',
      width: 110,
      render: (f: FieldEvidence['field']) => EVIDENCE_FIELDS[f] ?? f,
    },
    { title: sideTitle('记录甲', item.a), dataIndex: 'a', render: (v: string | null, row) => value(row, v) },
    { title: sideTitle('记录乙', item.b), dataIndex: 'b', render: (v: string | null, row) => value(row, v) },
    {
      title: '比对',
      dataIndex: 'level',
      width: 100,
      render: (level: string) => (
        <Tag color={differs(level) ? 'orange' : level === 'missing' ? 'default' : 'green'}>
          {levelName(level)}
        </Tag>
      ),
    },
    {
      title: '证据权重',
      dataIndex: 'weight',
      width: 90,
      align: 'right',
      render: (w: number) => (
        <Typography.Text type={w > 0 ? 'success' : w < 0 ? 'danger' : 'secondary'}>
          {w > 0 ? `+${w.toFixed(2)}` : w.toFixed(2)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`review-card-${item.id}`}
      title={
        <Space>
          <span>审核 #{item.id}</span>
          <Tooltip title="各项证据权重之和：越高越可能是同一人，正数支持、负数反对">
            <Tag color="blue">匹配得分 {item.score.toFixed(2)}</Tag>
          </Tooltip>
        </Space>
      }
      extra={
        <Space>
          <Popconfirm
            title="确认两条记录是同一人并合并？"
            okText="合并"
            cancelText="取消"
            onConfirm={onMerge}
          >
            <Button type="primary" loading={busy} data-testid={`review-merge-${item.id}`}>
              合并
            </Button>
          </Popconfirm>
          <Button loading={busy} onClick={onKeepApart} data-testid={`review-keep-apart-${item.id}`}>
            不是同一人
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph data-testid={`review-sentence-${item.id}`} style={{ marginBottom: 8 }}>
        {evidenceSentence(item.evidence)}
      </Typography.Paragraph>
      <Table
        rowKey="field"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={item.evidence}
        rowClassName={(row) => (differs(row.level) ? 'hub-diff' : '')}
      />
    </Card>
  );
}
