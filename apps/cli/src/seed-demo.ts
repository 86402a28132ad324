import * as argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { seedGeography } from '@hub/database/seed';
import { ChangeWriter, HouseholdService, RecordError, type Actor } from '@hub/record';
import { demoHouseholds } from './demo-people';

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

/** Geography, one user of each role and demo households; running it again changes nothing. */
export async function seedDemo(db: DataSource, householdsPerCommunity = 40): Promise<Record<string, number>> {
  const { communities } = await seedGeography(db);
  const hash = await argon2.hash(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    await db.query(
      `INSERT INTO app_user (username, display_name, password_hash, role, community_code, street_code, permissions)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING`,
      [u.username, u.displayName, hash, u.role, u.community, u.street, u.permissions],
    );
  }
  const [{ n }]: Array<{ n: number }> = await db.query(`SELECT count(*)::int AS n FROM household`);
  if (n > 0) return { communities, users: DEMO_USERS.length, households: 0 };
  const [admin]: Array<{ id: string }> = await db.query(`SELECT id FROM app_user WHERE username = 'admin'`);
  const actor: Actor = {
    userId: admin.id,
    role: 'admin',
    communityCode: null,
    streetCode: null,
    permissions: ['corrections'],
  };
  const households = new HouseholdService(new ChangeWriter(db));
  const streetCommunities: Array<{ code: string }> = await db.query(
    `SELECT code FROM community WHERE street_code = $1 ORDER BY code LIMIT 5`,
    [DEMO_STREET],
  );
  let created = 0;
  for (const [index, { code }] of streetCommunities.entries()) {
    for (const household of demoHouseholds(code, householdsPerCommunity, index + 1)) {
      try {
        await households.register(actor, household);
        created += 1;
      } catch (error) {
        // A generated ID that happens to repeat is skipped: demo data, not a reason to stop.
        if (!(error instanceof RecordError)) throw error;
      }
    }
  }
  return { communities, users: DEMO_USERS.length, households: created };
}
