import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { FieldChange, HistoryEntry } from '../api/records';
import { fieldLabel } from '../lib/field-path';
import { useCodeName } from '../hooks/useCodes';
import { formatDateTime } from '../lib/format';
import { systemName } from '../lib/systems';

const KIND_NAMES: Record<string, string> = {
  'household.registered': '新户登记',
  'household.member-added': '增加成员',
  'resident.born': '出生登记',
  'resident.changed': '信息修改',
  'resident.identity-corrected': '身份信息更正',
  'resident.id-number-added': '补录身份证号',
  'resident.changed-by-department': '部门回传更新',
  'household.changed-by-department': '部门回传更新',
  'resident.died': '死亡登记',
  'resident.moved-out': '迁出',
  'resident.moved-in': '迁入',
  'resident.address-changed': '地址变更',
  'resident.marital-status-changed': '婚姻状况变更',
  'resident.imported': '上线导入',
  'household.moved-out': '整户迁出',
  'household.head-changed': '变更户主',
  'household.split': '分户',
  'household.merged': '合户',
  'household.imported': '上线导入',
  'resident.merged': '重复合并',
  'resident.unmerged': '撤销合并',
};
const TAG_NAMES: Record<string, string> = {
  disability: '残疾',
  corrections: '社区矫正',
  living: '居住状况',
  employment: '就业状况',
  pension: '养老保险',
  assistance: '社会救助',
};
/** Bookkeeping columns that change with every version and tell a worker nothing. */
const HIDDEN = new Set(['id', 'name_pinyin', 'name_initials', 'search_text', 'field_sources']);

/** Where a version came from: the community's own entry, the go-live import or a department. */
function sourceName(source: string | null | undefined): string {
  if (!source || source === 'community') return '社区录入';
  if (source === 'import' || source === 'promotion') return '上线导入';
  return systemName(source);
}

export function changeKindName(kind: string): string {
  const tag = /^(?:resident|household)\.tag-(started|ended)\.(\w+)$/.exec(kind);
  if (tag) return `${tag[1] === 'started' ? '设置' : '取消'}${TAG_NAMES[tag[2]] ?? tag[2]}`;
  return KIND_NAMES[kind] ?? '信息变更';
}

/** Fields whose values are codes, with the table that names them. */
const CODED: Record<string, string> = {
  gender: 'gender',
  ethnicity: 'ethnicity',
  maritalStatus: 'marital-status',
  education: 'education',
  politicalStatus: 'political-status',
  registrationType: 'registration-type',
  lifeStatus: 'life-status',
  residenceStatus: 'residence-status',
  livingStatus: 'living-status',
  employmentStatus: 'employment-status',
  pensionStatus: 'pension-status',
  assistanceType: 'assistance-type',
  disabilityType: 'disability-type',
  disabilityGrade: 'disability-grade',
  correctionsType: 'corrections-type',
  type: 'household-type',
  status: 'household-status',
  relation: 'relation-to-head',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const camel = (key: string): string => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A stored value as a worker reads it: codes by their names, people counted, no raw ids. */
function useShow(): (field: string, value: unknown) => string {
  const codeName = useCodeName();
  return (field, value) => {
    if (value === null || value === undefined || value === '') return '（空）';
    const table = CODED[camel(field)];
    if (table && typeof value === 'string') return codeName(table, value);
    if (Array.isArray(value)) return field === 'members' ? `${value.length}人` : `${value.length}项`;
    if (typeof value === 'string' && UUID.test(value)) return '已登记';
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
}

function Changes({ changes, first }: { changes: FieldChange[]; first: boolean }) {
  const show = useShow();
  const visible = changes.filter((c) => !HIDDEN.has(c.field));
  if (first) return <Typography.Text type="secondary">首次建档（{visible.length}项信息）</Typography.Text>;
  if (visible.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }}>
      {visible.map((c) => (
        <li key={c.field}>
          {fieldLabel(c.field)}：{show(c.field, c.before)} → {show(c.field, c.after)}
        </li>
      ))}
    </ul>
  );
}

/** 变更记录: each version with what changed, who changed it and when. */
export function HistoryTable({ history }: { history: HistoryEntry[] }) {
  const columns: ColumnsType<HistoryEntry> = [
    { title: '版本', dataIndex: 'version', width: 60 },
    { title: '变更', dataIndex: 'changeKind', width: 120, render: (k: string) => changeKindName(k) },
    { title: '时间', dataIndex: 'changedAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: '操作人 / 来源',
      width: 200,
      render: (_, h) => (
        <span>
          {sourceName(h.source)}
          {h.changedBy && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {h.changedByName ?? '已删除的用户'}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: '内容',
      render: (_, h) => (
        <>
          <Changes changes={h.changes} first={h.version === 1} />
          {h.reason && (
            <Typography.Text type="secondary" data-testid={`history-reason-${h.version}`}>
              原因：{h.reason}
            </Typography.Text>
          )}
        </>
      ),
    },
  ];
  return (
    <Table
      rowKey="version"
      size="small"
      columns={columns}
      dataSource={[...history].reverse()}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      data-testid="history-table"
    />
  );
}
