import { App, Badge, Button, Card, Empty, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../api/client';
import { todoApi, type TodoDelivery, type TodoList } from '../../api/todo';
import { useLoader } from '../../hooks/useLoader';
import { formatDateTime } from '../../lib/format';

type Refused = TodoList['refused'][number];

/** The page where the subject is fixed; a resident's opens the form the fix needs. */
function fixLink(item: TodoDelivery, action?: string | null): string {
  const base =
    item.subject.type === 'resident' ? `/residents/${item.subject.id}` : `/households/${item.subject.id}`;
  return action && item.subject.type === 'resident' ? `${base}?action=${action}` : base;
}

const who = (item: TodoDelivery) => (
  <Link to={fixLink(item)} data-testid={`todo-subject-${item.id}`}>
    {item.subject.name ?? '（无姓名）'}
    {item.subject.type === 'household' ? '户' : ''}
  </Link>
);

/**
 * 待办: what a community worker has to act on, each with where it is fixed: deliveries a
 * department refused (the department's words, the fix, 去更正 and 重新发送), newborns waiting for
 * the police's ID number, duplicate pairs and go-live findings waiting for a decision.
 */
export default function TodoPage() {
  const { message } = App.useApp();
  const { data, error, loading, reload } = useLoader((signal) => todoApi.list(signal), []);
  const [busy, setBusy] = useState<string>();

  const resend = async (item: Refused) => {
    setBusy(item.id);
    try {
      await todoApi.resend(item.id);
      message.success(`已重新发送到${item.systemName}`);
      reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };

  const refusedColumns: ColumnsType<Refused> = [
    { title: '部门系统', dataIndex: 'systemName', width: 220 },
    { title: '居民/户', key: 'who', width: 120, render: (_, item) => who(item) },
    {
      title: '部门说明',
      dataIndex: 'message',
      render: (text: string | null) => (
        <Typography.Text type="danger">{text ?? '部门未说明原因'}</Typography.Text>
      ),
    },
    { title: '怎么处理', key: 'fix', render: (_, item) => item.fix.hint },
    { title: '时间', dataIndex: 'since', width: 160, render: (v: string) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_, item) => (
        <Space>
          <Link to={fixLink(item, item.fix.action)} data-testid={`todo-fix-${item.id}`}>
            <Button size="small" type="primary" tabIndex={-1}>
              去更正
            </Button>
          </Link>
          <Button
            size="small"
            loading={busy === item.id}
            onClick={() => void resend(item)}
            data-testid={`todo-resend-${item.id}`}
          >
            重新发送
          </Button>
        </Space>
      ),
    },
  ];
  const waitingColumns: ColumnsType<TodoDelivery> = [
    { title: '部门系统', dataIndex: 'systemName', width: 220 },
    { title: '居民', key: 'who', width: 120, render: (_, item) => who(item) },
    { title: '说明', dataIndex: 'message' },
    { title: '时间', dataIndex: 'since', width: 160, render: (v: string) => formatDateTime(v) },
  ];
  const refusedCount = data?.refused.length ?? 0;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="todo">
      <h2 className="hub-page-title">待办</h2>
      {error && !data && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <Card
        size="small"
        title={
          <Space>
            部门拒收
            <Badge count={refusedCount} showZero color={refusedCount ? 'red' : 'green'} />
          </Space>
        }
        data-testid="todo-refused"
      >
        <Table
          rowKey="id"
          size="small"
          loading={loading && !data}
          columns={refusedColumns}
          dataSource={data?.refused ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description="没有被部门拒收的信息" /> }}
        />
      </Card>
      <Card size="small" title="等待补齐（如等待公安局分配身份证号）" data-testid="todo-waiting">
        <Table
          rowKey="id"
          size="small"
          loading={loading && !data}
          columns={waitingColumns}
          dataSource={data?.waiting ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description="没有等待中的信息" /> }}
        />
      </Card>
      <Card size="small" title="待决定" data-testid="todo-decisions">
        <Space size={32}>
          <Link to="/reviews" data-testid="todo-reviews">
            重复人员待审核：{data?.reviews ?? 0} 对
          </Link>
          <Link to="/findings" data-testid="todo-findings">
            上线数据待核对：{data?.findings ?? 0} 项
          </Link>
        </Space>
      </Card>
    </Space>
  );
}
