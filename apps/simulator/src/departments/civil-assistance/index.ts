import type { ServerResponse } from 'node:http';
import type { Department, SimContext } from '../../framework';
import { sendJson } from '../../framework';
import { civilAssistanceApp } from './civil-assistance.server';
import { HouseholdService } from './civil-assistance.service';
import { CivilStore } from './civil-assistance.storage';
import { CivilCode } from './civil-assistance.types';
import { parseHousehold } from './civil-assistance.validation';

const store = (ctx: SimContext): CivilStore => new CivilStore(ctx);
const service = (ctx: SimContext): HouseholdService => new HouseholdService(store(ctx));

const field = (body: unknown, name: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;

/**
 * 民政局 社会救助(低保)信息系统: household documents over REST JSON with HMAC-SHA256 signed
 * requests, and a change feed of the department's approvals, amount changes and terminations.
 */
export const civilAssistance: Department = {
  slug: 'civil-assistance',
  init: (ctx) => store(ctx).init(),
  handler: (ctx) => civilAssistanceApp(ctx, store(ctx), service(ctx)),
  failure: (res: ServerResponse) =>
    sendJson(res, 503, { code: CivilCode.busy, message: '系统繁忙，请稍后再试', data: null }),

  /** `approve` (a new household document), `change-amount` {householdNo, monthlyAmount}, `terminate` {householdNo}. */
  async simulate(ctx, action, body) {
    const households = service(ctx);
    switch (action) {
      case 'approve':
        return households.create(parseHousehold({ status: 'active', ...(body as object) }, ctx.now()));
      case 'change-amount': {
        const current = await households.existing(String(field(body, 'householdNo')));
        const fields = parseHousehold({ ...current, monthlyAmount: field(body, 'monthlyAmount') }, ctx.now());
        return households.update(current.householdNo, fields);
      }
      case 'terminate': {
        const current = await households.existing(String(field(body, 'householdNo')));
        return households.update(
          current.householdNo,
          parseHousehold({ ...current, status: 'ended' }, ctx.now()),
        );
      }
      default:
        throw new Error(`civil-assistance simulates approve, change-amount, terminate; not ${action}`);
    }
  },

  dump: async (ctx) => {
    const s = store(ctx);
    return s.page(0, await s.count());
  },
};
