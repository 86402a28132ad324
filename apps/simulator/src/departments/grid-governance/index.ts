import type { Department, SimContext } from '../../framework';
import { gridGovernanceApp, sendGridError } from './grid-governance.server';
import { GridStore } from './grid-governance.storage';
import { GridError, ItemError, type GridPerson } from './grid-governance.types';
import { readPersonItem } from './grid-governance.validation';

const stores = new WeakMap<SimContext, GridStore>();
const storeOf = (ctx: SimContext): GridStore => {
  const store = stores.get(ctx);
  if (!store) throw new Error('grid-governance: not initialised');
  return store;
};

/** A grid worker's door-to-door finding, recorded in the platform with its own event type. */
async function doorToDoor(ctx: SimContext, action: string, body: unknown): Promise<unknown> {
  const store = storeOf(ctx);
  const input = (body ?? {}) as { personId?: string; phone?: string; houseId?: string; person?: unknown };
  return store.serially(async (client) => {
    switch (action) {
      case 'moveAway':
        return (
          await store.upsertPerson(client, { personId: input.personId ?? '', status: 'left' }, 'PERSON_LEFT')
        ).person;
      case 'death':
        return (
          await store.upsertPerson(
            client,
            { personId: input.personId ?? '', status: 'deceased' },
            'PERSON_DECEASED',
          )
        ).person;
      case 'phoneChanged':
        return (
          await store.upsertPerson(
            client,
            { personId: input.personId ?? '', phone: input.phone ?? '' },
            'PHONE_CHANGED',
          )
        ).person;
      case 'newTenant': {
        const item: Partial<GridPerson> = { personType: '流动', ...readPersonItem(input.person) };
        const { person } = await store.upsertPerson(client, item, 'NEW_TENANT');
        if (input.houseId) {
          const { rows } = await client.query<{ record: { memberPersonIds: string[] } }>(
            `SELECT record FROM ${ctx.schema}.house WHERE house_id = $1`,
            [input.houseId],
          );
          if (!rows[0]) throw new ItemError(`房屋编号不存在：${input.houseId}`);
          await store.upsertHouse(client, {
            houseId: input.houseId,
            memberPersonIds: [...rows[0].record.memberPersonIds, person.personId],
          });
        }
        return person;
      }
      default:
        throw new Error(`unknown action ${action} (moveAway, death, phoneChanged, newTenant)`);
    }
  });
}

/**
 * 综治办 网格化社会治理平台: REST JSON batch upserts (≤ 100 items) with a bearer token, rate
 * limited to 5 calls/s when realism is on. Simulated grid-worker findings: `moveAway`
 * ({personId}), `death` ({personId}), `phoneChanged` ({personId, phone}), `newTenant`
 * ({person, houseId?}).
 */
export const gridGovernance: Department = {
  slug: 'grid-governance',
  async init(ctx) {
    const store = new GridStore(ctx);
    await store.init();
    stores.set(ctx, store);
  },
  handler: (ctx) => gridGovernanceApp(ctx, storeOf(ctx)),
  failure(res) {
    sendGridError(res, new GridError(503, 'UNAVAILABLE', '服务暂时不可用，请稍后再试'), {
      'retry-after': '1',
    });
  },
  simulate: doorToDoor,
  dump: (ctx) => storeOf(ctx).dump(),
};
