import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/** One key for the whole hub: api and worker may start together; only one migrates at a time. */
const MIGRATION_LOCK_KEY = 7_302_400_001;

/**
 * Runs pending migrations while holding a session-level advisory lock on a dedicated connection,
 * so a second process waits, then finds nothing left to do.
 */
export async function migrateWithLock(dataSource: DataSource, url: string): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}
