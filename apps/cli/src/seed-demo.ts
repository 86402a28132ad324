import * as argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { seedGeography } from '@hub/database/seed';

export const DEMO_PASSWORD = 'Hub@2026';
export const DEMO_COMMUNITY = '320402002001';
export const DEMO_STREET = '320402002';

const DEMO_USERS = [
  {
    username: 'worker',
    displayName: '社区工作人员（青龙苑社区）',
    role: 'community_worker',
    community: DEMO_COMMUNITY,
    street: null,
    permissions: [],
  },
  {
    username: 'supervisor',
    displayName: '街道管理员（青龙街道）',
    role: 'street_supervisor',
    community: null,
    street: DEMO_STREET,
    permissions: [],
  },
  {
    username: 'operator',
    displayName: '运维人员',
    role: 'it_operator',
    community: null,
    street: null,
    permissions: [],
  },
  {
    username: 'admin',
    displayName: '系统管理员',
    role: 'admin',
    community: null,
    street: null,
    permissions: ['corrections'],
  },
] as const;

/**
 * Geography and one user of each role; running it again changes nothing. The demo's residents
 * are not typed in here: they are the demo city's, imported from the departments and promoted.
 */
export async function seedDemo(db: DataSource): Promise<Record<string, number>> {
  const { communities } = await seedGeography(db);
  const hash = await argon2.hash(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    await db.query(
      `INSERT INTO app_user (username, display_name, password_hash, role, community_code, street_code, permissions)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING`,
      [u.username, u.displayName, hash, u.role, u.community, u.street, u.permissions],
    );
  }
  return { communities, users: DEMO_USERS.length };
}
