/** The login lives in sessionStorage: it ends with the browser tab, as a shared office PC needs. */
export type Role = 'community_worker' | 'street_supervisor' | 'it_operator' | 'admin';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  communityCode: string | null;
  streetCode: string | null;
  permissions: string[];
}

const TOKEN_KEY = 'hub.token';
const USER_KEY = 'hub.user';

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storedUser(): SessionUser | null {
  const raw = sessionStorage.getItem(USER_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as SessionUser;
  } catch {
    return null;
  }
}

export function storeSession(token: string, user: SessionUser): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(USER_KEY, JSON.stringify(user));
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
}

export const ROLE_NAMES: Record<Role, string> = {
  community_worker: '社区工作人员',
  street_supervisor: '街道管理员',
  it_operator: '运维人员',
  admin: '系统管理员',
};

/** Roles that enter and review residents; IT operators only watch the connectors. */
export const canWriteRecords = (role: Role): boolean => role !== 'it_operator';
export const canOperate = (role: Role): boolean => role === 'it_operator' || role === 'admin';
export const canSeeCorrections = (user: SessionUser): boolean =>
  user.role === 'admin' || user.permissions.includes('corrections');
