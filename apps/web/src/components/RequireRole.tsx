import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useSession } from '../auth/SessionContext';
import type { Role } from '../auth/session-store';

/** Pages a role may not use say so plainly; the API refuses them anyway. */
export function RequireRole({ allow, children }: { allow: (role: Role) => boolean; children: ReactNode }) {
  const { user } = useSession();
  if (!user || !allow(user.role)) {
    return <Result status="403" title="无权访问" subTitle="您的角色不能使用此页面，请从左侧菜单选择。" />;
  }
  return <>{children}</>;
}
