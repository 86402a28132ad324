import {
  ApiOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  LogoutOutlined,
  SearchOutlined,
  UserAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { recordsApi } from '../api/records';
import { useSession } from '../auth/SessionContext';
import { canOperate, canWriteRecords, ROLE_NAMES, type Role } from '../auth/session-store';

type MenuItem = Required<MenuProps>['items'][number];

const BULL_BOARD = '/api/admin/queues';

function menuFor(role: Role): MenuItem[] {
  const items: MenuItem[] = [];
  const label = (key: string, text: string) => <span data-testid={`menu-${key}`}>{text}</span>;
  if (canWriteRecords(role)) {
    items.push({ key: '/todo', icon: <CheckSquareOutlined />, label: label('todo', '待办') });
    items.push({
      key: 'records',
      label: '居民档案',
      icon: <UserOutlined />,
      children: [
        { key: '/residents', icon: <SearchOutlined />, label: label('residents', '居民查询') },
        { key: '/households/new', icon: <UserAddOutlined />, label: label('household-new', '新户登记') },
      ],
    });
    items.push({ key: '/reviews', icon: <AuditOutlined />, label: label('reviews', '重复审核') });
    items.push({ key: '/findings', icon: <FileSearchOutlined />, label: label('findings', '数据核对') });
  }
  if (canOperate(role)) {
    items.push({
      key: 'ops',
      label: '运维',
      icon: <ApiOutlined />,
      children: [
        { key: '/ops', label: label('ops', '接口总览') },
        { key: '/ops/failures', label: label('ops-failures', '失败处理') },
        { key: '/ops/deliveries', label: label('ops-deliveries', '投递查询') },
        { key: '/ops/reconciliation', label: label('ops-reconciliation', '对账') },
        {
          key: 'bull-board',
          icon: <DatabaseOutlined />,
          label: (
            <a href={BULL_BOARD} target="_blank" rel="noreferrer" data-testid="menu-bull-board">
              队列管理
            </a>
          ),
        },
      ],
    });
  }
  return items;
}

/** The left-menu layout government staff know from every office system. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  if (!user) return null;
  const items = menuFor(user.role);
  const selected = [...(items ?? [])]
    .flatMap((item) => (item && 'children' in item && item.children ? item.children : [item]))
    .map((item) => String(item?.key ?? ''))
    .filter(
      (key) => key.startsWith('/') && (location.pathname === key || location.pathname.startsWith(`${key}/`)),
    )
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={0}>
        <div className="hub-brand">社区数据中台</div>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={selected}
          // Uncontrolled: when a narrow window folds the sider, Ant closes the groups and opens them
          // again once it widens; controlled open keys would stay closed.
          defaultOpenKeys={['records', 'ops']}
          onClick={({ key }) => {
            if (key.startsWith('/')) void navigate(key);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
          }}
        >
          <Typography.Text strong>常州市社区数据中台 · 一次录入，多系统共享</Typography.Text>
          <Space>
            <Tag color="blue">{ROLE_NAMES[user.role]}</Tag>
            <span data-testid="current-user">{user.displayName}</span>
            <Button
              icon={<LogoutOutlined />}
              type="link"
              data-testid="logout"
              onClick={() => {
                recordsApi.logout().catch(() => undefined);
                signOut();
                void navigate('/login', { replace: true });
              }}
            >
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 16 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
