import type { Department, SimContext } from '../../framework';
import { justiceCorrectionsApp, sealedReply } from './justice-corrections.server';
import { beijingTime, CorrectionStore } from './justice-corrections.storage';
import { JusticeError, type CorrectionRecord } from './justice-corrections.types';
import { readSavePayload } from './justice-corrections.validation';

const stores = new WeakMap<SimContext, CorrectionStore>();
/** The failure hook gets no context; it seals its answer with the department's clock all the same. */
let clock: () => Date = () => new Date();

const storeOf = (ctx: SimContext): CorrectionStore => {
  const store = stores.get(ctx);
  if (!store) throw new Error('justice-corrections: not initialised');
  return store;
};

/** A court decision recorded by the corrections office itself. */
async function courtDecision(ctx: SimContext, action: string, body: unknown): Promise<CorrectionRecord> {
  const store = storeOf(ctx);
  const input = (body ?? {}) as Partial<CorrectionRecord>;
  switch (action) {
    case 'startCorrection':
      return (await store.save({ ...readSavePayload(input), zt: '1' })).record;
    case 'endCorrection': {
      const current = input.sfzh ? await store.findBySfzh(input.sfzh) : undefined;
      const sqjzrybh = input.sqjzrybh ?? current?.sqjzrybh;
      if (!sqjzrybh) throw new JusticeError(404, 'E404', '矫正人员不存在');
      const today = beijingTime(ctx.now()).slice(0, 10);
      return (await store.save({ sqjzrybh, zt: '2', jzqxEnd: input.jzqxEnd ?? today })).record;
    }
    default:
      throw new Error(`unknown action ${action} (startCorrection, endCorrection)`);
  }
}

/**
 * 司法局 社区矫正信息系统: REST JSON whose bodies are SM4-CBC encrypted and HMAC-SM3 signed.
 * Simulated court decisions: `startCorrection` (body: a record without `sqjzrybh`; upsert by
 * `sfzh`) and `endCorrection` ({sqjzrybh} or {sfzh}, optional `jzqxEnd`, default today).
 */
export const justiceCorrections: Department = {
  slug: 'justice-corrections',
  async init(ctx) {
    const store = new CorrectionStore(ctx);
    await store.init();
    stores.set(ctx, store);
  },
  handler(ctx) {
    clock = () => ctx.now();
    return justiceCorrectionsApp(ctx, storeOf(ctx));
  },
  failure(res) {
    sealedReply(res, clock(), 500, 'E500', '系统繁忙，请稍后再试');
  },
  async simulate(ctx, action, body) {
    try {
      return await courtDecision(ctx, action, body);
    } catch (error) {
      throw error instanceof JusticeError ? new Error(`${error.code} ${error.message}`) : error;
    }
  },
  dump: (ctx) => storeOf(ctx).all(),
};
