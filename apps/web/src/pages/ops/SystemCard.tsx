import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Statistic, Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import type { ConnectorOverview } from '../../api/connectors';
import { formatDuration, formatMs, formatPercent } from '../../lib/format';
import { MODE_NAMES } from '../../lib/systems';

interface Props {
  row: ConnectorOverview;
  busy: boolean;
  onPause: () => void;
  onResume: () => void;
}

function stateTag(row: ConnectorOverview) {
  if (row.down) return <Tag color="error">不可用</Tag>;
  if (row.paused) return <Tag color="warning">已暂停</Tag>;
  return <Tag color="success">运行中</Tag>;
}

/** While a queue is paused BullMQ keeps its jobs in a separate list; to people they are all waiting. */
const waiting = (row: ConnectorOverview): number =>
  (row.jobs.waiting ?? 0) + (row.jobs.paused ?? 0) + (row.jobs.prioritized ?? 0);

function oldestAge(row: ConnectorOverview): number | null {
  if (row.oldestOpenAgeSeconds !== undefined) return row.oldestOpenAgeSeconds;
  return row.oldestOpenAt ? (Date.now() - Date.parse(row.oldestOpenAt)) / 1000 : null;
}

/** One department at a glance: its queue, its pace, its failures, and the pause switch. */
export function SystemCard({ row, busy, onPause, onResume }: Props) {
  const s = row.system;
  const stat = (title: string, value: number | string, testId: string, danger = false) => (
    <Col span={6}>
      <Statistic
        title={title}
        value={value}
        valueStyle={{ fontSize: 18, color: danger ? '#cf1322' : undefined }}
        valueRender={(node) => <span data-testid={testId}>{node}</span>}
      />
    </Col>
  );
  const failed = row.ledger.failed ?? 0;
  const [dept, ...rest] = row.name.split(' ');
  return (
    <Card
      size="small"
      data-testid={`system-card-${s}`}
      data-paused={row.paused ? 'true' : 'false'}
      title={
        <Tooltip title={row.name}>
          <span>
            {dept} <span style={{ fontWeight: 400 }}>{rest.join(' ')}</span>
          </span>
        </Tooltip>
      }
      extra={
        <span data-testid={`state-${s}`}>
          <Tag>{MODE_NAMES[row.mode] ?? row.mode}</Tag>
          {stateTag(row)}
        </span>
      }
      actions={[
        row.paused ? (
          <Button
            key="resume"
            type="link"
            size="small"
            icon={<PlayCircleOutlined />}
            loading={busy}
            onClick={onResume}
            data-testid={`resume-${s}`}
          >
            恢复
          </Button>
        ) : (
          <Button
            key="pause"
            type="link"
            size="small"
            icon={<PauseCircleOutlined />}
            loading={busy}
            onClick={onPause}
            data-testid={`pause-${s}`}
          >
            暂停
          </Button>
        ),
        <Link key="failures" to={`/ops/failures?system=${s}`} data-testid={`failures-link-${s}`}>
          失败处理{failed > 0 ? `（${failed}）` : ''}
        </Link>,
      ]}
    >
      <Row gutter={[8, 8]}>
        {stat('等待', waiting(row), `waiting-${s}`)}
        {stat('处理中', row.jobs.active ?? 0, `active-${s}`)}
        {stat('延迟重试', row.jobs.delayed ?? 0, `delayed-${s}`)}
        {stat('失败', failed, `failed-${s}`, failed > 0)}
        {stat('每分钟', row.deliveriesLastMinute ?? '—', `rate-${s}`)}
        {stat('P95时延', formatMs(row.p95LatencyMs), `p95-${s}`)}
        {stat('最久待处理', formatDuration(oldestAge(row)), `oldest-${s}`)}
        {stat('错误率', formatPercent(row.errorRate), `error-rate-${s}`, (row.errorRate ?? 0) > 0.05)}
      </Row>
    </Card>
  );
}
