import { App, Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { connectorsApi } from '../../api/connectors';
import { errorText } from '../../api/client';
import { useLoader } from '../../hooks/useLoader';
import { MetricsPanel } from './MetricsPanel';
import { SystemCard } from './SystemCard';

const REFRESH_MS = 3000;

/** 接口总览: twelve cards, one per department, refreshed every few seconds; trends below. */
export default function OpsDashboardPage() {
  const { message } = App.useApp();
  const { data, error, reload } = useLoader(() => connectorsApi.overview(), [], REFRESH_MS);
  const [busy, setBusy] = useState<string>();

  const toggle = async (system: string, pause: boolean) => {
    setBusy(system);
    try {
      await (pause ? connectorsApi.pause(system) : connectorsApi.resume(system));
      message.success(pause ? '已暂停，新的变更将排队等待' : '已恢复，排队的变更将继续发送');
      reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };

  const rows = data ?? [];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        接口总览
      </Typography.Title>
      {error && !data && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <Row gutter={[12, 12]} data-testid="system-cards">
        {rows.map((row) => (
          <Col key={row.system} xs={24} md={12} xl={8} xxl={6}>
            <SystemCard
              row={row}
              busy={busy === row.system}
              onPause={() => void toggle(row.system, true)}
              onResume={() => void toggle(row.system, false)}
            />
          </Col>
        ))}
      </Row>
      <MetricsPanel systems={rows.map((r) => r.system)} />
    </Space>
  );
}
