import type { Department } from '../../framework';
import { failure, statisticsApp } from './statistics.server';
import { allRevisions, createTables, loadSeedIfEmpty } from './statistics.storage';

/**
 * 统计局 统计联网直报平台: no persons, a monthly aggregate report per community. It changes
 * nothing on its own, so it has no change feed and nothing to simulate.
 */
export const statistics: Department = {
  slug: 'statistics',
  async init(ctx) {
    await createTables(ctx);
    await loadSeedIfEmpty(ctx);
  },
  handler: (ctx) => statisticsApp(ctx),
  failure,
  dump: (ctx) => allRevisions(ctx),
};
