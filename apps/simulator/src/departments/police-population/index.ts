import type { Department } from '../../framework';
import { saveRyxx, zxRyxx } from './police-population.registry';
import { policeServer, sendFault } from './police-population.server';
import { all, createTables, loadSeed } from './police-population.storage';
import type { Ry } from './police-population.types';

/**
 * 公安局 实有人口管理系统: SOAP 1.1 web service at /rkxx/services/RkxxService (WSDL at `?wsdl`),
 * operations SaveRyxx, ZxRyxx, QueryRyxx, QueryBgxx.
 *
 * Credentials the station issued to the hub (WS-Security UsernameToken, PasswordText):
 *   username `hub`, password `hub-police-secret`.
 *
 * Simulated station work (POST /control/police-population/simulate/<action>), all in the change feed:
 *   `register` {GMSFHM, XM, XB, CSRQ, …} a birth or a newcomer; `update` {GMSFHM, …fields} e.g. a
 *   name correction; `death` {GMSFHM}; `move-out` {GMSFHM}.
 */
export const POLICE_CREDENTIALS = { username: 'hub', password: 'hub-police-secret' };

export const policePopulation: Department = {
  slug: 'police-population',
  async init(ctx) {
    await createTables(ctx);
    await loadSeed(ctx);
  },
  handler: (ctx) => policeServer(ctx, POLICE_CREDENTIALS),
  failure: (res) => sendFault(res, 'soap:Server', 'E500 系统内部错误，请稍后重试'),
  async simulate(ctx, action, body) {
    const input = (body ?? {}) as Partial<Ry>;
    switch (action) {
      case 'register':
      case 'update':
        return saveRyxx(ctx, input);
      case 'death':
        return zxRyxx(ctx, { GMSFHM: input.GMSFHM, RYBH: input.RYBH, ZT: '1' });
      case 'move-out':
        return zxRyxx(ctx, { GMSFHM: input.GMSFHM, RYBH: input.RYBH, ZT: '2' });
      default:
        throw new Error(`unknown action ${action}: register | update | death | move-out`);
    }
  },
  dump: (ctx) => all(ctx),
};
