import { Redis } from 'ioredis';
import { Client } from 'pg';
import { TEST_PG_BASE, TEST_REDIS_URL, runId } from './test-env';

/**
 * Drops every database this run created (test files drop their own; this catches crashes) and
 * every Redis key under this run's queue prefixes (`hubtest:<run>:…`), so runs leave nothing behind.
 */
export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DB) return;
  await dropDatabases();
  await dropQueueKeys();
}

async function dropDatabases(): Promise<void> {
  const admin = new Client({ connectionString: TEST_PG_BASE });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`hub_test_${runId()}%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function dropQueueKeys(): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 3 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `hubtest:${runId()}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
