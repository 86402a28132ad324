import type { Department } from '../../framework';
import { sendJson } from '../../framework';

/** Placeholder until this department is implemented from the spec. */
export const militiaConscription: Department = {
  slug: 'militia-conscription',
  init: () => Promise.resolve(),
  handler: () => (_req, res) => sendJson(res, 501, { message: 'militia-conscription: not implemented yet' }),
};
