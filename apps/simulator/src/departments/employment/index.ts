import type { Department, SimContext } from '../../framework';
import { end, save } from './employment.registry';
import { employmentServer, sendFailure } from './employment.server';
import { EmploymentStore } from './employment.storage';

/**
 * 人社局 就业创业管理信息系统: GBK form posts behind a session cookie.
 *   POST /jy/login.do (username, password) → JSESSIONID, expires after 15 idle minutes;
 *   POST /jy/ryxx.do action=save|end → `0|成功|<jyrybh>` or `1|<reason>`;
 *   GET /jy/export.do[?since=yyyy-MM-dd HH:mm:ss] → GBK CSV (its Date header is the next `since`).
 *
 * Login the bureau issued to the hub: username `hub`, password `hub-employment-secret`.
 *
 * Simulated counter work (POST /control/employment/simulate/<action>), in the change feed:
 *   `register` {sfzhm, xm, xb, csrq, jyzt, …}; `update` {jyrybh, …fields}, e.g. jyzt after a job is found;
 *   `end` {jyrybh}.
 */
export const EMPLOYMENT_CREDENTIALS = { username: 'hub', password: 'hub-employment-secret' };

const stores = new WeakMap<SimContext, EmploymentStore>();
function storeOf(ctx: SimContext): EmploymentStore {
  const store = stores.get(ctx);
  if (!store) throw new Error('employment: init has not run');
  return store;
}

export const employment: Department = {
  slug: 'employment',
  async init(ctx) {
    const store = new EmploymentStore(ctx);
    await store.init();
    stores.set(ctx, store);
  },
  handler: (ctx) => employmentServer(ctx, storeOf(ctx), EMPLOYMENT_CREDENTIALS),
  failure: sendFailure,
  async simulate(ctx, action, body) {
    const form = Object.fromEntries(
      Object.entries((body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
    );
    switch (action) {
      case 'register':
        return save(ctx, storeOf(ctx), { ...form, jyrybh: '' });
      case 'update':
        return save(ctx, storeOf(ctx), form);
      case 'end':
        return end(storeOf(ctx), form);
      default:
        throw new Error(`unknown action ${action}: register | update | end`);
    }
  },
  dump: (ctx) => storeOf(ctx).all(),
};
