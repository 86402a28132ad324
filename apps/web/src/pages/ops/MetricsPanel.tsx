import { Card, Segmented, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { connectorsApi, type ConnectorMetrics } from '../../api/connectors';
import type { ChartOption } from '../../components/EChart';
import { useLoader } from '../../hooks/useLoader';
import { systemName } from '../../lib/systems';

// ECharts arrives after the cards: the numbers matter first, the curves a moment later.
const EChart = lazy(() => import('../../components/EChart'));

const sum = (rows: number[][], i: number) => rows.reduce((acc, r) => acc + (r[i] ?? 0), 0);

function chartOption(m: ConnectorMetrics, system: string | undefined, range: 'hour' | 'day'): ChartOption {
  const picked = system ? [m.systems[system]].filter(Boolean) : Object.values(m.systems);
  const axis = m.buckets.map((b) => dayjs(b).format(range === 'hour' ? 'HH:mm' : 'MM-DD HH:mm'));
  const confirmed = m.buckets.map((_, i) =>
    sum(
      picked.map((p) => p.confirmed),
      i,
    ),
  );
  const failed = m.buckets.map((_, i) =>
    sum(
      picked.map((p) => p.failed),
      i,
    ),
  );
  // Latencies do not add up: across all systems the slowest one is what an operator chases.
  const p95 = m.buckets.map((_, i) => {
    const values = picked
      .map((p) => p.p95LatencyMs[i])
      .filter((v): v is number => v !== null && v !== undefined);
    return values.length ? Math.max(...values) : null;
  });
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['已确认', '失败', 'P95时延(毫秒)'] },
    grid: { left: 48, right: 64, top: 56, bottom: 32 },
    xAxis: { type: 'category', data: axis, boundaryGap: false },
    yAxis: [
      { type: 'value', name: '条数', minInterval: 1 },
      { type: 'value', name: '毫秒', splitLine: { show: false } },
    ],
    series: [
      {
        name: '已确认',
        type: 'line',
        smooth: true,
        showSymbol: false,
        data: confirmed,
        itemStyle: { color: '#52c41a' },
      },
      {
        name: '失败',
        type: 'line',
        smooth: true,
        showSymbol: false,
        data: failed,
        itemStyle: { color: '#f5222d' },
      },
      {
        name: 'P95时延(毫秒)',
        type: 'line',
        yAxisIndex: 1,
        showSymbol: false,
        data: p95,
        itemStyle: { color: '#1677ff' },
        lineStyle: { type: 'dashed' },
      },
    ],
  };
}

/** Deliveries confirmed and failed, and p95 latency, over the last hour or day. */
export function MetricsPanel({ systems }: { systems: string[] }) {
  const [range, setRange] = useState<'hour' | 'day'>('hour');
  const [system, setSystem] = useState<string>();
  const { data, error } = useLoader(() => connectorsApi.metrics(range), [range], 30_000);
  const option = useMemo(() => (data ? chartOption(data, system, range) : undefined), [data, system, range]);
  return (
    <Card
      size="small"
      title="投递趋势"
      extra={
        <Space>
          <Select
            allowClear
            placeholder="全部系统"
            style={{ width: 260 }}
            value={system}
            onChange={setSystem}
            options={systems.map((s) => ({ value: s, label: systemName(s) }))}
            data-testid="metrics-system"
          />
          <Segmented
            value={range}
            onChange={(v) => setRange(v as 'hour' | 'day')}
            options={[
              { label: '近1小时', value: 'hour' },
              { label: '近1天', value: 'day' },
            ]}
            data-testid="metrics-range"
          />
        </Space>
      }
    >
      {error && !data && <div style={{ color: '#999' }}>趋势数据暂不可用：{error.message}</div>}
      {option && (
        <Suspense fallback={<div style={{ height: 300 }} />}>
          <EChart option={option} testId="metrics-chart" />
        </Suspense>
      )}
    </Card>
  );
}
