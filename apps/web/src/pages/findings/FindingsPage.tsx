import { App, Button, Card, Input, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../api/client';
import { findingsApi, type Finding, type FindingStatus } from '../../api/findings';
import { useLoader } from '../../hooks/useLoader';
import { systemName } from '../../lib/systems';
import { FIELD_FILTERS, fieldName } from './finding-labels';

const PAGE_SIZE = 20;

const STATUS_OPTIONS: Array<{ value: FindingStatus; label: string }> = [
  { value: 'open', label: '待核对' },
  { value: 'confirmed', label: '已确认' },
  { value: 'corrected', label: '已更正' },
];

/**
 * 数据核对: where the departments disagreed when the city went live, the value the hub kept, why,
 * and each department's value. Confirm the kept value or correct it; either way the departments
 * holding something else are sent the result.
 */
export default function FindingsPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<FindingStatus>('open');
  const [field, setField] = useState<string>();
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<string>();
  const [correcting, setCorrecting] = useState<Finding>();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string>();
  const { data, error, loading, reload } = useLoader(
    () => findingsApi.list({ status, field, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    [status, field, page],
  );

  const confirm = async (finding: Finding) => {
    setBusy(finding.id);
    try {
      await findingsApi.confirm(finding.id);
      message.success('已确认，持有其他值的部门系统将收到系统保留的值');
      reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };

  const correct = async () => {
    if (!correcting) return;
    setProblem(undefined);
    try {
      await findingsApi.correct(correcting.id, value.trim());
      message.success('已更正，各部门系统将收到更正后的值');
      setCorrecting(undefined);
      reload();
    } catch (e) {
      setProblem(errorText(e));
    }
  };

  return (
    <Card
      title="数据核对"
      data-testid="findings"
      extra={
        <Space wrap>
          <Segmented
            options={STATUS_OPTIONS}
            value={status}
            onChange={(v) => {
              setStatus(v as FindingStatus);
              setPage(1);
            }}
          />
          <Select
            allowClear
            placeholder="核对项目"
            style={{ width: 160 }}
            value={field}
            onChange={(v: string | undefined) => {
              setField(v);
              setPage(1);
            }}
            options={FIELD_FILTERS.map((f) => ({
              value: f,
              label: `${fieldName(f)}${data?.openByField[f] ? `（${data.openByField[f]}）` : ''}`,
            }))}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        各部门系统对同一居民的登记不一致时，系统按权威来源保留一个值。请核实后确认或更正。
      </Typography.Paragraph>
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <Table<Finding>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: status === 'open' ? '没有待核对的数据' : '没有记录' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          {
            title: '居民',
            key: 'resident',
            render: (_, f) => (
              <Link to={`/residents/${f.subjectId}`} data-testid="finding-resident">
                {f.residentName}
              </Link>
            ),
          },
          { title: '核对项目', key: 'field', render: (_, f) => fieldName(f.field) },
          {
            title: '系统保留',
            key: 'chosen',
            render: (_, f) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{f.correctedValue ?? f.chosenValue ?? '（无）'}</Typography.Text>
                <Typography.Text type="secondary">{f.reason}</Typography.Text>
              </Space>
            ),
          },
          {
            title: '各部门登记',
            key: 'values',
            render: (_, f) => (
              <Space direction="vertical" size={0}>
                {f.departmentValues.map((v) => (
                  <span key={`${v.system}/${v.recordId}`}>
                    <Tag>{systemName(v.system)}</Tag>
                    {v.value ?? '（未登记）'}
                  </span>
                ))}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, f) =>
              f.status === 'open' ? (
                <Space>
                  <Button
                    type="primary"
                    size="small"
                    loading={busy === f.id}
                    data-testid="finding-confirm"
                    onClick={() => void confirm(f)}
                  >
                    确认
                  </Button>
                  {f.correctable && (
                    <Button
                      size="small"
                      data-testid="finding-correct"
                      onClick={() => {
                        setCorrecting(f);
                        setValue(f.chosenValue ?? '');
                        setProblem(undefined);
                      }}
                    >
                      更正
                    </Button>
                  )}
                </Space>
              ) : (
                <Tag color={f.status === 'confirmed' ? 'success' : 'blue'}>
                  {f.status === 'confirmed' ? '已确认' : '已更正'}
                </Tag>
              ),
          },
        ]}
      />
      <Modal
        open={!!correcting}
        title={correcting ? `更正${fieldName(correcting.field)}：${correcting.residentName}` : ''}
        okText="保存"
        cancelText="取消"
        onOk={() => void correct()}
        onCancel={() => setCorrecting(undefined)}
        destroyOnClose
      >
        <Input
          value={value}
          autoFocus
          data-testid="finding-value"
          onChange={(e) => setValue(e.target.value)}
          onPressEnter={() => void correct()}
        />
        {problem && (
          <Typography.Text type="danger" data-testid="finding-problem">
            {problem}
          </Typography.Text>
        )}
      </Modal>
    </Card>
  );
}
