import { ensureDatabase } from '@hub/infra';
import { createDataSource } from './data-source';
import { migrateWithLock } from './migrate';

/** Creates the database if missing and applies pending migrations (under the advisory lock). */
export async function prepareDatabase(url: string): Promise<string[]> {
  await ensureDatabase(url);
  const dataSource = createDataSource(url, 2);
  await dataSource.initialize();
  try {
    return await migrateWithLock(dataSource, url);
  } finally {
    await dataSource.destroy();
  }
}
