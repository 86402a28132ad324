import './register-paths';
import { randomBytes } from 'node:crypto';
import { checkBrowserPrerequisites } from './prerequisites';
import { databaseUrl, templateDatabase } from './test-env';

/**
 * Builds one migrated, geography-seeded template database per run; each test file clones it
 * (CREATE DATABASE … TEMPLATE), which takes a fraction of a second.
 */
export default async function globalSetup(config: { testPathPattern: string }): Promise<void> {
  checkBrowserPrerequisites(config.testPathPattern);
  const { createDataSource, prepareDatabase } = await import('@hub/database');
  const { seedGeography } = await import('@hub/database/seed');
  process.env.HUB_TEST_RUN = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const url = databaseUrl(templateDatabase());
  await prepareDatabase(url);
  const db = createDataSource(url, 2);
  await db.initialize();
  try {
    await seedGeography(db, 3);
  } finally {
    await db.destroy();
  }
}
