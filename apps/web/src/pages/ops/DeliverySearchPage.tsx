import { Card, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { connectorsApi } from '../../api/connectors';
import { MaskedTable } from '../../components/MaskedTable';
import { useLoader } from '../../hooks/useLoader';
import { SYSTEM_NAMES } from '../../lib/systems';

/** Shown another way (the system's name) or of no use to an operator looking up a case. */
const HIDDEN = ['systemName', 'subjectId', 'action', 'createdAt'];

const PREFERRED = [
  'id',
  'system',
  'subjectType',
  'name',
  'idNumber',
  'externalId',
  'status',
  'version',
  'attempts',
  'errorKind',
  'lastError',
  'updatedAt',
];

/** 投递查询: find a delivery by resident (the API answers masked) or by the department's record id. */
export default function DeliverySearchPage() {
  const [q, setQ] = useState('');
  const [system, setSystem] = useState<string>();
  const { data, error, loading } = useLoader(
    () => (q ? connectorsApi.searchDeliveries(q, system) : Promise.resolve([])),
    [q, system],
  );
  return (
    <Card title="投递查询">
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          allowClear
          enterButton="查询"
          placeholder="完整身份证号、姓名或部门记录编号"
          style={{ width: 380 }}
          data-testid="delivery-search-input"
          onSearch={(v) => setQ(v.trim())}
        />
        <Select
          allowClear
          placeholder="全部系统"
          style={{ width: 280 }}
          value={system}
          onChange={setSystem}
          options={Object.entries(SYSTEM_NAMES).map(([value, label]) => ({ value, label }))}
          data-testid="delivery-search-system"
        />
      </Space>
      <Typography.Paragraph type="secondary">
        为保护个人信息，结果中的姓名、身份证号等均已脱敏。
      </Typography.Paragraph>
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <MaskedTable
        rows={data ?? []}
        hidden={HIDDEN}
        loading={loading && !!q}
        preferred={PREFERRED}
        testId="delivery-search-results"
      />
    </Card>
  );
}
