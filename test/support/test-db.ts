import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '@hub/database';
import { databaseUrl, runId, TEST_PG_BASE, templateDatabase } from './test-env';

export interface TestDatabase {
  name: string;
  url: string;
  db: DataSource;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_PG_BASE });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file: a clone of the run's migrated template. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `hub_test_${runId()}_${label.replace(/\W/g, '_')}_${randomBytes(3).toString('hex')}`;
  await admin(async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase()}"`);
        return;
      } catch (error) {
        // Two files cloning the template at the same instant: wait and try again.
        if ((error as { code?: string }).code !== '55006' || attempt > 20) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  const url = databaseUrl(name);
  const db = createDataSource(url, 5);
  await db.initialize();
  return {
    name,
    url,
    db,
    async drop() {
      if (db.isInitialized) await db.destroy();
      if (process.env.KEEP_TEST_DB) return;
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

export const queuePrefix = (label: string): string =>
  `hubtest:${runId()}:${label}:${randomBytes(2).toString('hex')}`;
