import { Button, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { canSeeCorrections } from '../../auth/session-store';
import { useSession } from '../../auth/SessionContext';
import { recordsApi, type Community, type ResidentQuery } from '../../api/records';

/** The lists a community keeps (高龄, 低保, 残疾 …) as filters; every value lives in the URL. */
export type FilterValues = Pick<
  ResidentQuery,
  'ageMin' | 'ageMax' | 'registrationType' | 'tags' | 'grid' | 'sort'
>;

const TAGS = [
  { value: 'assistance', label: '低保/低边/特困户' },
  { value: 'disability', label: '残疾人' },
  { value: 'unemployed', label: '失业人员' },
  { value: 'living-alone', label: '独居' },
];

const SORTS = [
  { value: 'name', label: '按姓名拼音' },
  { value: 'age-desc', label: '年龄从大到小' },
  { value: 'age-asc', label: '年龄从小到大' },
];

const REGISTRATION = [
  { value: 'registered', label: '户籍人口' },
  { value: 'floating', label: '流动人口' },
  { value: 'overseas', label: '境外人员' },
];

const asNumber = (v: string | undefined): number | null => (v ? Number(v) : null);
const asText = (v: number | null): string | undefined => (v === null ? undefined : String(v));

export function ResidentFilters({
  values,
  onChange,
}: {
  values: FilterValues;
  onChange: (next: FilterValues) => void;
}) {
  const { user } = useSession();
  const [grids, setGrids] = useState<Array<{ value: string; label: string }>>([]);
  useEffect(() => {
    recordsApi.communities().then(
      (communities: Community[]) =>
        setGrids(
          communities.flatMap((c) =>
            c.grids.map((g) => ({
              value: g.code,
              label: communities.length > 1 ? `${c.name} ${g.name}` : g.name,
            })),
          ),
        ),
      () => setGrids([]),
    );
  }, []);
  const tags = [
    ...TAGS,
    ...(user && canSeeCorrections(user) ? [{ value: 'corrections', label: '社区矫正人员' }] : []),
  ];
  const chosenTags = values.tags ? values.tags.split(',') : [];

  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="resident-filters">
      <span>年龄</span>
      <InputNumber
        min={0}
        max={150}
        precision={0}
        placeholder="从"
        aria-label="年龄下限"
        data-testid="filter-age-min"
        value={asNumber(values.ageMin)}
        onChange={(v) => onChange({ ageMin: asText(v) })}
      />
      <span>至</span>
      <InputNumber
        min={0}
        max={150}
        precision={0}
        placeholder="到"
        aria-label="年龄上限"
        data-testid="filter-age-max"
        value={asNumber(values.ageMax)}
        onChange={(v) => onChange({ ageMax: asText(v) })}
      />
      <Button
        data-testid="filter-eighty-plus"
        onClick={() => onChange({ ageMin: '80', ageMax: undefined, sort: 'age-desc' })}
      >
        80岁以上高龄老人
      </Button>
      <Select
        allowClear
        placeholder="人员类别"
        aria-label="人员类别"
        style={{ width: 130 }}
        options={REGISTRATION}
        value={values.registrationType}
        onChange={(v?: string) => onChange({ registrationType: v })}
      />
      <Select
        mode="multiple"
        allowClear
        placeholder="人员标签（可多选）"
        aria-label="人员标签"
        data-testid="filter-tags"
        style={{ minWidth: 220 }}
        options={tags}
        value={chosenTags}
        onChange={(v: string[]) => onChange({ tags: v.length ? v.join(',') : undefined })}
      />
      {grids.length > 0 && (
        <Select
          allowClear
          placeholder="网格"
          aria-label="网格"
          style={{ width: 180 }}
          options={grids}
          value={values.grid}
          onChange={(v?: string) => onChange({ grid: v })}
        />
      )}
      <Select
        aria-label="排序"
        data-testid="filter-sort"
        style={{ width: 140 }}
        options={SORTS}
        value={values.sort ?? 'name'}
        onChange={(v: string) => onChange({ sort: v === 'name' ? undefined : v })}
      />
    </Space>
  );
}
