import { Alert, Button, Card, Descriptions, Dropdown, Skeleton, Space, Tag } from 'antd';
import { useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { recordsApi } from '../../api/records';
import { useSession } from '../../auth/SessionContext';
import { actionMenu, useActionDialog, type ActionSpec } from '../../components/ActionModal';
import { deliveriesApi } from '../../api/deliveries';
import { DeliveryPanel } from '../../components/DeliveryPanel';
import { editActions } from '../../components/EditActions';
import { HistoryTable } from '../../components/HistoryTable';
import { lifeEventActions, tagActions } from '../../components/ResidentActions';
import { useCodeName } from '../../hooks/useCodes';
import { useLoader } from '../../hooks/useLoader';
import { formatDate } from '../../lib/format';
import { ResidentTags } from './ResidentTags';

/** A resident: who they are, their statuses, what happened to them, and where changes went. */
export default function ResidentPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const codeName = useCodeName();
  const { data: r, error, reload } = useLoader(() => recordsApi.resident(id), [id]);
  const communities = useLoader(() => recordsApi.communities(), []).data ?? [];
  // The departments holding the person: a correction of identity tells the worker who hears of it.
  const held = useLoader((signal) => deliveriesApi.resident(id, signal), [id]).data;
  const heldBy = (held?.systems ?? []).filter((s) => s.status !== 'not_relevant').map((s) => s.name);
  const { open: setAction, dialog } = useActionDialog(reload);
  const [search, setSearch] = useSearchParams();
  const requested = search.get('action');
  const opened = useRef<string | null>(null);

  // Arriving from 待办 with `?action=`: the form that fixes the refusal opens by itself, once.
  useEffect(() => {
    if (!requested) opened.current = null;
    if (!requested || opened.current === requested || !r || !user) return;
    opened.current = requested;
    const community = communities.find((c) => c.code === r.communityCode);
    const all = [...editActions(r, heldBy), ...lifeEventActions(r, community), ...tagActions(r, user)];
    const wanted = all.find((a) => a.key === requested);
    setSearch({}, { replace: true });
    if (wanted) setAction(wanted);
  }, [requested, r, user, communities, heldBy, setAction, setSearch]);

  if (error && !r) return <Alert type="error" showIcon message={error.message} />;
  if (!r || !user) return <Skeleton active />;

  const active = r.lifeStatus === 'alive' && r.residenceStatus === 'present';
  const community = communities.find((c) => c.code === r.communityCode);
  const events = active ? lifeEventActions(r, community) : [];
  const tags = active ? tagActions(r, user) : [];
  const edits = active ? editActions(r, heldBy) : [];
  const menu = (list: ActionSpec[]) => actionMenu(list, setAction);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span data-testid="resident-name">{r.name}</span>
            {r.lifeStatus === 'deceased' && <Tag>死亡</Tag>}
            {r.residenceStatus === 'moved_out' && <Tag color="orange">已迁出</Tag>}
            {r.suspectedDuplicate && (
              <Link to="/reviews" data-testid="suspected-duplicate">
                <Tag color="volcano">疑似重复</Tag>
              </Link>
            )}
          </Space>
        }
        extra={
          active && (
            <Space>
              <Dropdown menu={menu(edits)} trigger={['click']} autoFocus>
                <Button data-testid="edit-actions">修改信息</Button>
              </Dropdown>
              <Dropdown menu={menu(events)} trigger={['click']} autoFocus>
                <Button data-testid="life-events">生活事件</Button>
              </Dropdown>
              <Dropdown menu={menu(tags)} trigger={['click']} autoFocus>
                <Button type="primary" data-testid="status-tags">
                  设置状态
                </Button>
              </Dropdown>
            </Space>
          )
        }
      >
        <Descriptions column={{ xs: 1, md: 3 }} size="small" bordered>
          <Descriptions.Item label="公民身份号码">
            <span data-testid="resident-idNumber">
              {r.idNumber ?? (r.age === 0 ? '暂无（出生登记办结后由公安局分配）' : '未登记')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="性别">{codeName('gender', r.gender)}</Descriptions.Item>
          <Descriptions.Item label="出生日期">
            {formatDate(r.birthDate)}（{r.age ?? '—'}岁）
          </Descriptions.Item>
          <Descriptions.Item label="民族">{codeName('ethnicity', r.ethnicity)}</Descriptions.Item>
          <Descriptions.Item label="人员类别">
            {codeName('registration-type', r.registrationType)}
          </Descriptions.Item>
          <Descriptions.Item label="联系电话">{r.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="婚姻状况">
            {codeName('marital-status', r.maritalStatus)}
          </Descriptions.Item>
          <Descriptions.Item label="文化程度">{codeName('education', r.education)}</Descriptions.Item>
          <Descriptions.Item label="政治面貌">
            {codeName('political-status', r.politicalStatus)}
          </Descriptions.Item>
          <Descriptions.Item label="现住址" span={2}>
            {r.currentAddress?.text ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="所属户">
            {r.household ? (
              <Link to={`/households/${r.household.id}`} data-testid="resident-household-link">
                {codeName('relation-to-head', r.household.relation)}（查看户）
              </Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="户籍地址" span={2}>
            {r.registeredAddress ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="社区">{r.communityName ?? r.communityCode}</Descriptions.Item>
          <Descriptions.Item label="状态" span={3}>
            <ResidentTags resident={r} onChanged={reload} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <DeliveryPanel subject={{ type: 'resident', id: r.id }} />
      <Card title="变更记录" size="small">
        <HistoryTable history={r.history} />
      </Card>
      {dialog}
    </Space>
  );
}
