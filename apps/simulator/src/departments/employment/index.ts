import type { Department } from '../../framework';
import { sendJson } from '../../framework';

/** Placeholder until this department is implemented from the spec. */
export const employment: Department = {
  slug: 'employment',
  init: () => Promise.resolve(),
  handler: () => (_req, res) => sendJson(res, 501, { message: 'employment: not implemented yet' }),
};
