import type { ServerResponse } from 'node:http';
import type { Department, SimContext } from '../../framework';
import { sendJson } from '../../framework';
import { agingServicesApp } from './aging-services.server';
import { AgingStore } from './aging-services.storage';
import { parseElder } from './aging-services.validation';

const store = (ctx: SimContext): AgingStore => new AgingStore(ctx);

const field = (body: unknown, name: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;

/**
 * 老龄办 养老服务信息系统: elders over REST JSON behind OAuth2 client credentials (10-minute
 * tokens). It reports no changes of its own; the hub reads its export to reconcile.
 */
export const agingServices: Department = {
  slug: 'aging-services',
  init: (ctx) => store(ctx).init(),
  handler: (ctx) => agingServicesApp(ctx, store(ctx)),
  failure: (res: ServerResponse) =>
    sendJson(res, 503, { error: 'service_unavailable', message: '服务暂不可用，请稍后重试' }),

  /**
   * Edits the office's own staff make (seen only through the export): `set-status`
   * {elderId, status} (a death or move learnt on a visit), `change-phone` {elderId, phone}.
   */
  async simulate(ctx, action, body) {
    const elders = store(ctx);
    const current = await elders.get(String(field(body, 'elderId')));
    if (!current) throw new Error('老人档案不存在');
    switch (action) {
      case 'set-status':
        return elders.replace(
          current.elderId,
          parseElder({ ...current, status: field(body, 'status') }, ctx.now(), current),
        );
      case 'change-phone':
        return elders.replace(
          current.elderId,
          parseElder({ ...current, phone: field(body, 'phone') }, ctx.now(), current),
        );
      default:
        throw new Error(`aging-services simulates set-status, change-phone; not ${action}`);
    }
  },

  dump: async (ctx) => {
    const elders = store(ctx);
    return elders.page(0, await elders.count());
  },
};
