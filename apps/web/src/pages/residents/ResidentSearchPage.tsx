import { Button, Card, Checkbox, Input, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router-dom';
import { recordsApi, type ResidentSummary } from '../../api/records';
import { useCodeName } from '../../hooks/useCodes';
import { useLoader } from '../../hooks/useLoader';
import { ResidentFilters, type FilterValues } from './ResidentFilters';

const PAGE_SIZE = 20;

const FILTERS = ['ageMin', 'ageMax', 'registrationType', 'tags', 'grid', 'sort'] as const;

/**
 * 居民查询 and the lists a community keeps: by name, pinyin initials (张伟 → zw), the first or
 * last digits of an ID number, a phone or an address; filtered by age, category, status and grid.
 */
export default function ResidentSearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const inactive = params.get('inactive') === '1';
  const filters: FilterValues = Object.fromEntries(
    FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])),
  );
  const filterKey = FILTERS.map((k) => params.get(k) ?? '').join('|');
  const codeName = useCodeName();
  const { data, error, loading } = useLoader(
    (signal) =>
      recordsApi.search(
        {
          q: q || undefined,
          page,
          size: PAGE_SIZE,
          includeInactive: inactive ? 'true' : undefined,
          ...filters,
        },
        signal,
      ),
    [q, page, inactive, filterKey],
  );

  const update = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) merged.set(k, v);
      else merged.delete(k);
    }
    setParams(merged);
  };

  const columns: ColumnsType<ResidentSummary> = [
    {
      title: '姓名',
      dataIndex: 'name',
      render: (name: string, r) => (
        <Link to={`/residents/${r.id}`} data-testid={`resident-link-${r.id}`}>
          {name}
        </Link>
      ),
    },
    { title: '公民身份号码', dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
    { title: '性别', dataIndex: 'gender', width: 70, render: (v: string | null) => codeName('gender', v) },
    { title: '年龄', dataIndex: 'age', width: 70, render: (v: number | null) => v ?? '—' },
    {
      title: '类别',
      dataIndex: 'registrationType',
      width: 80,
      render: (v: string) => codeName('registration-type', v),
    },
    { title: '社区', dataIndex: 'communityName' },
    {
      title: '户',
      dataIndex: 'household',
      render: (h: ResidentSummary['household']) =>
        h ? <Link to={`/households/${h.id}`}>{codeName('relation-to-head', h.relation)}</Link> : '—',
    },
    {
      title: '状态',
      width: 90,
      render: (_, r) =>
        r.lifeStatus === 'deceased' ? (
          <Tag>死亡</Tag>
        ) : r.residenceStatus === 'moved_out' ? (
          <Tag color="orange">已迁出</Tag>
        ) : (
          <Tag color="green">在册</Tag>
        ),
    },
  ];

  return (
    <Card
      title="居民查询"
      extra={
        <Link to="/households/new">
          <Button type="primary">新户登记</Button>
        </Link>
      }
    >
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          allowClear
          enterButton="查询"
          defaultValue={q}
          key={q}
          placeholder="姓名、拼音首字母、身份证号开头或后四位、手机号、住址"
          style={{ width: 460 }}
          autoFocus
          data-testid="resident-search-input"
          onSearch={(value) => update({ q: value.trim() || undefined, page: undefined })}
        />
        <Checkbox
          checked={inactive}
          onChange={(e) => update({ inactive: e.target.checked ? '1' : undefined, page: undefined })}
        >
          包含已死亡、已迁出
        </Checkbox>
      </Space>
      <ResidentFilters values={filters} onChange={(next) => update({ ...next, page: undefined })} />
      <Table
        rowKey="id"
        size="middle"
        data-testid="resident-search-results"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: error ? error.message : '没有找到符合条件的居民' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 人`,
          onChange: (p) => update({ page: String(p) }),
        }}
      />
    </Card>
  );
}
