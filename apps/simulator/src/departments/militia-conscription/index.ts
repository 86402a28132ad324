import type { Department } from '../../framework';
import { simulateWalkIn } from './militia-conscription.walk-in';
import { failure, militiaApp } from './militia-conscription.server';
import { createTables, listEntries, loadSeedIfEmpty } from './militia-conscription.storage';

/**
 * 人武部 兵役登记信息系统: men aged 18-22 keyed by ID number, exchanged as Excel rosters in the
 * department's template. It has no change feed (the spec gives none): its own registrations show
 * in the export.
 */
export const militiaConscription: Department = {
  slug: 'militia-conscription',
  async init(ctx) {
    await createTables(ctx);
    await loadSeedIfEmpty(ctx);
  },
  handler: (ctx) => militiaApp(ctx),
  failure,
  simulate: (ctx, action, body) => simulateWalkIn(ctx, action, body),
  dump: (ctx) => listEntries(ctx),
};
