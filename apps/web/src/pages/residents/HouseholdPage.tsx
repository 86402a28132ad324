import { UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Dropdown, Skeleton, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams } from 'react-router-dom';
import { recordsApi, type ResidentDetail } from '../../api/records';
import { actionMenu, useActionDialog } from '../../components/ActionModal';
import { assistanceActions } from '../../components/AssistanceActions';
import { householdActions } from '../../components/HouseholdActions';
import { DeliveryPanel } from '../../components/DeliveryPanel';
import { HistoryTable } from '../../components/HistoryTable';
import { useCodeName } from '../../hooks/useCodes';
import { useLoader } from '../../hooks/useLoader';
import { formatDate } from '../../lib/format';

/** 户页面: members and how they relate to the head, the address, assistance and the history. */
export default function HouseholdPage() {
  const { id = '' } = useParams();
  const codeName = useCodeName();
  const { data: h, error, reload } = useLoader(() => recordsApi.household(id), [id]);
  const { open: setAction, dialog } = useActionDialog(reload);

  if (error && !h) return <Alert type="error" showIcon message={error.message} />;
  if (!h) return <Skeleton active />;

  const active = h.status === 'active';
  const household = householdActions(h);
  const headless =
    active &&
    !h.members.some(
      (m) => m.id === h.headResidentId && m.residenceStatus === 'present' && m.lifeStatus === 'alive',
    );

  const columns: ColumnsType<ResidentDetail> = [
    {
      title: '姓名',
      dataIndex: 'name',
      render: (name: string, m) => (
        <Space>
          <Link to={`/residents/${m.id}`} data-testid={`member-link-${m.id}`}>
            {name}
          </Link>
          {m.id === h.headResidentId && <Tag color="blue">户主</Tag>}
        </Space>
      ),
    },
    {
      title: '与户主关系',
      render: (_, m) => codeName('relation-to-head', m.household?.relation),
    },
    { title: '公民身份号码', dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
    { title: '性别', dataIndex: 'gender', render: (v: string | null) => codeName('gender', v) },
    { title: '出生日期', dataIndex: 'birthDate', render: (v: string | null) => formatDate(v) },
    { title: '联系电话', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    {
      title: '状态',
      render: (_, m) =>
        m.lifeStatus === 'deceased' ? (
          <Tag>死亡</Tag>
        ) : m.residenceStatus === 'moved_out' ? (
          <Tag color="orange">已迁出</Tag>
        ) : (
          <Tag color="green">在册</Tag>
        ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`户：${h.address.text ?? h.householdNo ?? h.id.slice(0, 8)}`}
        extra={
          <Space>
            {active && (
              <Dropdown menu={actionMenu(household, setAction)} trigger={['click']} autoFocus>
                <Button data-testid="household-actions">户务办理</Button>
              </Dropdown>
            )}
            <Dropdown menu={actionMenu(assistanceActions(h), setAction)} trigger={['click']} autoFocus>
              <Button data-testid="assistance-actions">社会救助</Button>
            </Dropdown>
            <Link to={`/households/${h.id}/add-member`}>
              <Button type="primary" icon={<UserAddOutlined />} data-testid="household-add-member">
                增加成员
              </Button>
            </Link>
          </Space>
        }
      >
        {!active && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message="本户已注销（整户迁出）" />
        )}
        {headless && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="household-headless"
            message="本户目前没有户主（原户主已死亡或迁出），请为本户指定新户主"
            action={
              <Button
                size="small"
                data-testid="household-choose-head"
                onClick={() => setAction(household[0])}
              >
                变更户主
              </Button>
            }
          />
        )}
        <Descriptions column={{ xs: 1, md: 3 }} size="small" bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label="户号">{h.householdNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="户别">{codeName('household-type', h.type)}</Descriptions.Item>
          <Descriptions.Item label="社区">{h.communityName}</Descriptions.Item>
          <Descriptions.Item label="住址" span={2}>
            {h.address.text ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="网格">{h.address.gridCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="社会救助" span={3}>
            {h.assistance
              ? `${codeName('assistance-type', h.assistance.type)}，每月 ${h.assistance.amount} 元，${formatDate(h.assistance.approvedOn)} 批准`
              : '无'}
          </Descriptions.Item>
        </Descriptions>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={h.members}
          data-testid="household-members"
        />
      </Card>
      <DeliveryPanel subject={{ type: 'household', id: h.id }} />
      <Card title="变更记录" size="small">
        <HistoryTable history={h.history} />
      </Card>
      {dialog}
    </Space>
  );
}
