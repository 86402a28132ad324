import type { Department, SimContext } from '../../framework';
import { simulateClinicChange } from './family-planning.clinic';
import { startProcessing } from './family-planning.processor';
import { FrontDatabase } from './family-planning.storage';

const fronts = new WeakMap<SimContext, FrontDatabase>();

function frontOf(ctx: SimContext): FrontDatabase {
  const front = fronts.get(ctx);
  if (!front) throw new Error('family-planning: init has not run');
  return front;
}

/**
 * 卫生计生委 全员人口信息系统: no HTTP. The hub writes to and reads from the department's front
 * database (前置库) with the `fp_hub` login; the department processes the inbound rows itself.
 */
export const familyPlanning: Department = {
  slug: 'family-planning',
  async init(ctx) {
    const front = await FrontDatabase.open(ctx);
    fronts.set(ctx, front);
    await front.loadSeedIfEmpty();
  },
  start(ctx) {
    const front = frontOf(ctx);
    const stop = startProcessing(ctx, front);
    return Promise.resolve(async () => {
      await stop();
      await front.close();
    });
  },
  simulate: (ctx, action, body) => simulateClinicChange(frontOf(ctx), action, body),
  dump: (ctx) => frontOf(ctx).allPersons(),
};
