import type { INestApplication } from '@nestjs/common';
import * as argon2 from 'argon2';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApi } from '../../apps/api/src/main';
import { createTestDatabase, queuePrefix, type TestDatabase } from './test-db';
import { TEST_REDIS_URL } from './test-env';

export const PASSWORD = 'Test@2026pass';

/** Communities from the seeded geography used across tests (two streets, three communities). */
export const HOME = '320402002001';
export const NEIGHBOUR = '320402002002';
export const HOME_STREET = '320402002';
export const ELSEWHERE = '320404001001';

export interface ApiHarness {
  app: INestApplication;
  http: ReturnType<typeof request>;
  database: TestDatabase;
  db: DataSource;
  tokens: Record<'worker' | 'neighbour' | 'supervisor' | 'operator' | 'admin', string>;
  close(): Promise<void>;
}

/** People's names, as the console shows who is signed in and who made a change. */
const DISPLAY_NAMES: Record<string, string> = {
  worker: '张晓梅',
  neighbour: '李红',
  supervisor: '王建华',
  operator: '赵工',
  admin: '系统管理员',
};

async function createUser(
  db: DataSource,
  username: string,
  role: string,
  scope: { community?: string; street?: string; permissions?: string[] },
): Promise<void> {
  await db.query(
    `INSERT INTO app_user (username, display_name, password_hash, role, community_code, street_code, permissions)
     VALUES ($1, $7, $2, $3, $4, $5, $6)`,
    [
      username,
      await argon2.hash(PASSWORD),
      role,
      scope.community ?? null,
      scope.street ?? null,
      scope.permissions ?? [],
      DISPLAY_NAMES[username] ?? username,
    ],
  );
}

/**
 * The real API (in this process) on its own database, with one user of each role. `redisUrl`
 * points it at a Redis of the test's own (one the test restarts) instead of the shared one.
 */
export async function startApi(label: string, options: { redisUrl?: string } = {}): Promise<ApiHarness> {
  const database = await createTestDatabase(label);
  process.env.DATABASE_URL = database.url;
  process.env.REDIS_URL = options.redisUrl ?? TEST_REDIS_URL;
  process.env.QUEUE_PREFIX = queuePrefix(label);
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  process.env.NODE_ENV = 'test';
  process.env.BODY_LIMIT = '256kb';
  const db = database.db;
  await createUser(db, 'worker', 'community_worker', { community: HOME });
  await createUser(db, 'neighbour', 'community_worker', { community: NEIGHBOUR });
  await createUser(db, 'supervisor', 'street_supervisor', { street: HOME_STREET });
  await createUser(db, 'operator', 'it_operator', {});
  await createUser(db, 'admin', 'admin', { permissions: ['corrections'] });
  const app = await createApi();
  await app.init();
  const http = request(app.getHttpServer());
  const tokens = {} as ApiHarness['tokens'];
  for (const username of ['worker', 'neighbour', 'supervisor', 'operator', 'admin'] as const) {
    const res = await http.post('/api/auth/login').send({ username, password: PASSWORD });
    if (res.status !== 200)
      throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    tokens[username] = (res.body as { token: string }).token;
  }
  return {
    app,
    http,
    database,
    db,
    tokens,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
