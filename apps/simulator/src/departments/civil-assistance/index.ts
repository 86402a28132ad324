import type { Department } from '../../framework';
import { sendJson } from '../../framework';

/** Placeholder until this department is implemented from the spec. */
export const civilAssistance: Department = {
  slug: 'civil-assistance',
  init: () => Promise.resolve(),
  handler: () => (_req, res) => sendJson(res, 501, { message: 'civil-assistance: not implemented yet' }),
};
