import type { Department } from '../../framework';
import { sendJson } from '../../framework';

/** Placeholder until this department is implemented from the spec. */
export const publicHealth: Department = {
  slug: 'public-health',
  init: () => Promise.resolve(),
  handler: () => (_req, res) => sendJson(res, 501, { message: 'public-health: not implemented yet' }),
};
