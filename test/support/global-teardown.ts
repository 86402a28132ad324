import { Client } from 'pg';
import { TEST_PG_BASE, runId } from './test-env';

/** Drops every database this run created (test files drop their own; this catches crashes). */
export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DB) return;
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
