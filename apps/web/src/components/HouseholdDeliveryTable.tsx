import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DeliveryStatus, HouseholdDeliveries, SystemDelivery } from '../api/deliveries';
import { combinedStatus, systemName } from '../lib/systems';
import { DeliveryStatusTag } from './DeliveryStatusTag';

interface Row {
  system: string;
  name: string;
  household?: SystemDelivery;
  members: Array<SystemDelivery | undefined>;
  combined: DeliveryStatus;
}

/** One row per department; the first status column sums up the household and all its members. */
export function HouseholdDeliveryTable({ data, loading }: { data: HouseholdDeliveries; loading: boolean }) {
  const slugs = [
    ...new Set([...data.household.systems, ...data.members.flatMap((m) => m.systems)].map((s) => s.system)),
  ];
  const rows: Row[] = slugs.map((slug) => {
    const household = data.household.systems.find((s) => s.system === slug);
    const members = data.members.map((m) => m.systems.find((s) => s.system === slug));
    const statuses = [household, ...members].filter((s): s is SystemDelivery => !!s).map((s) => s.status);
    return {
      system: slug,
      name: household?.name ?? members.find((m) => m)?.name ?? systemName(slug),
      household,
      members,
      combined: combinedStatus(statuses),
    };
  });
  const cell = (d: SystemDelivery | undefined, testId: string) =>
    d ? <DeliveryStatusTag status={d.status} error={d.error} testId={testId} /> : '—';
  const columns: ColumnsType<Row> = [
    { title: '部门系统', dataIndex: 'name', width: 240, fixed: 'left' },
    {
      title: '汇总',
      dataIndex: 'combined',
      width: 90,
      render: (_, row) => <DeliveryStatusTag status={row.combined} testId={`delivery-${row.system}`} />,
    },
    { title: '户', width: 90, render: (_, row) => cell(row.household, `delivery-${row.system}-household`) },
    ...data.members.map((m, i): ColumnsType<Row>[number] => ({
      title: m.name,
      key: m.residentId,
      width: 90,
      render: (_, row) => cell(row.members[i], `delivery-${row.system}-member-${i}`),
    })),
  ];
  return (
    <Table
      rowKey="system"
      size="small"
      pagination={false}
      loading={loading && rows.length === 0}
      columns={columns}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      expandable={{
        rowExpandable: (row) => [row.household, ...row.members].some((d) => d?.status === 'failed'),
        expandedRowRender: (row) => (
          <ul style={{ margin: 0 }}>
            {[row.household, ...row.members]
              .map((d, i) => ({ d, who: i === 0 ? '户' : data.members[i - 1].name }))
              .filter(({ d }) => d?.status === 'failed')
              .map(({ d, who }) => (
                <li key={who}>
                  {who}：{d?.error ?? '部门未说明原因'}
                </li>
              ))}
          </ul>
        ),
      }}
    />
  );
}
