import type { Department } from '../../framework';
import { sendJson } from '../../framework';

/** Placeholder until this department is implemented from the spec. */
export const gridGovernance: Department = {
  slug: 'grid-governance',
  init: () => Promise.resolve(),
  handler: () => (_req, res) => sendJson(res, 501, { message: 'grid-governance: not implemented yet' }),
};
