import type { ServerResponse } from 'node:http';
import type { Department, SimContext } from '../../framework';
import { sendJson } from '../../framework';
import { disabilityApp } from './disability.server';
import { CardService } from './disability.service';
import { DisabilityStore } from './disability.storage';
import { cardNoOf } from './disability.types';
import { parsePerson } from './disability.validation';

const store = (ctx: SimContext): DisabilityStore => new DisabilityStore(ctx);
const cards = (ctx: SimContext): CardService => new CardService(store(ctx));

const field = (body: unknown, name: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;

/**
 * 残联 残疾人人口基础数据库: certificates over REST JSON with an `X-Api-Key`; a re-grade issues a
 * new `cardNo` and revokes the old one; its own changes are served as a sequence-numbered feed.
 */
export const disability: Department = {
  slug: 'disability',
  init: (ctx) => store(ctx).init(),
  handler: (ctx) => disabilityApp(ctx, store(ctx), cards(ctx)),
  failure: (res: ServerResponse) =>
    sendJson(res, 503, { code: 503, msg: '服务器繁忙，请稍后重试', data: null }),

  /**
   * The federation's own decisions: `issue` (person fields; the certificate number follows from
   * them), `regrade` {cardNo, disabilityType?, disabilityGrade?}, `revoke` {cardNo}, `death` {cardNo}.
   */
  async simulate(ctx, action, body) {
    const service = cards(ctx);
    switch (action) {
      case 'issue': {
        const fields = parsePerson({ ...(body as object), status: 'valid' });
        return (await service.put(cardNoOf(fields), fields)).person;
      }
      case 'regrade': {
        const current = await service.existing(String(field(body, 'cardNo')));
        const fields = parsePerson({
          ...current,
          disabilityType: field(body, 'disabilityType') ?? current.disabilityType,
          disabilityGrade: field(body, 'disabilityGrade') ?? current.disabilityGrade,
        });
        return (await service.put(cardNoOf(fields), fields)).person;
      }
      case 'revoke':
      case 'death': {
        const current = await service.existing(String(field(body, 'cardNo')));
        const status = action === 'revoke' ? 'revoked' : 'deceased';
        return (await service.put(current.cardNo, parsePerson({ ...current, status }))).person;
      }
      default:
        throw new Error(`disability simulates issue, regrade, revoke, death; not ${action}`);
    }
  },

  dump: async (ctx) => {
    const s = store(ctx);
    return s.page(0, await s.count());
  },
};
