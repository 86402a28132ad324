import type { Department } from '../../framework';
import { sendJson } from '../../framework';

/** Placeholder until this department is implemented from the spec. */
export const justiceCorrections: Department = {
  slug: 'justice-corrections',
  init: () => Promise.resolve(),
  handler: () => (_req, res) => sendJson(res, 501, { message: 'justice-corrections: not implemented yet' }),
};
