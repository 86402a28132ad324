import type { Department, SimContext } from '../../framework';
import { processBatch } from './social-insurance.batch';
import { insuranceServer, sendFailure, type UploadWindow } from './social-insurance.server';
import { InsuranceStore } from './social-insurance.storage';

/**
 * 人社局 城乡居民养老保险系统: nightly GBK CSV batches, basic auth.
 *   POST /batch/upload (multipart `file`) → {batchNo}, only inside the upload window;
 *   GET /batch/{batchNo}/result → 404 until processed (a few seconds later), then a GBK CSV
 *   `行号,公民身份号码,处理结果,原因,个人编号` (行号 counts data rows from 1);
 *   GET /batch/export → the whole roster.
 *
 * Login the bureau issued to the hub (basic auth): username `hub`, password `hub-insurance-secret`.
 *
 * Simulated settings (POST /control/social-insurance/simulate/<action>):
 *   `insured-elsewhere` {ids: [...]} people another region insures (their 新增 is refused);
 *   `upload-window` {start: 'HH:mm', end: 'HH:mm'} (default 22:00-06:00 Asia/Shanghai; equal = always open).
 */
export const INSURANCE_CREDENTIALS = { username: 'hub', password: 'hub-insurance-secret' };
const DEFAULT_WINDOW: UploadWindow = { start: '22:00', end: '06:00' };

interface Running {
  store: InsuranceStore;
  window: UploadWindow;
}
const running = new WeakMap<SimContext, Running>();
function stateOf(ctx: SimContext): Running {
  const state = running.get(ctx);
  if (!state) throw new Error('social-insurance: init has not run');
  return state;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const socialInsurance: Department = {
  slug: 'social-insurance',
  async init(ctx) {
    const store = new InsuranceStore(ctx);
    await store.init();
    running.set(ctx, { store, window: { ...DEFAULT_WINDOW } });
  },
  handler: (ctx) =>
    insuranceServer(ctx, stateOf(ctx).store, INSURANCE_CREDENTIALS, () => stateOf(ctx).window),
  failure: sendFailure,
  /** Processes uploaded batches once they are due. */
  start(ctx) {
    const { store } = stateOf(ctx);
    let busy: Promise<void> | undefined;
    const tick = (): void => {
      if (busy) return;
      busy = (async () => {
        for (const batch of await store.dueBatches()) await processBatch(store, batch.batchNo, batch.file);
      })()
        .catch((error: unknown) => console.error('social-insurance: batch processing failed', error))
        .finally(() => (busy = undefined));
    };
    const timer = setInterval(tick, 250);
    return Promise.resolve(async () => {
      clearInterval(timer);
      await busy;
    });
  },
  async simulate(ctx, action, body) {
    const state = stateOf(ctx);
    const input = (body ?? {}) as { ids?: unknown; start?: unknown; end?: unknown };
    switch (action) {
      case 'insured-elsewhere': {
        const ids = Array.isArray(input.ids) ? input.ids.map(String) : [];
        await state.store.markInsuredElsewhere(ids);
        return { insuredElsewhere: ids };
      }
      case 'upload-window': {
        const [start, end] = [String(input.start), String(input.end)];
        if (!HH_MM.test(start) || !HH_MM.test(end)) throw new Error('start and end are HH:mm');
        state.window = { start, end };
        return state.window;
      }
      default:
        throw new Error(`unknown action ${action}: insured-elsewhere | upload-window`);
    }
  },
  dump: (ctx) => stateOf(ctx).store.roster(),
};
