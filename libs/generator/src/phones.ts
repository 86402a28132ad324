/** Mobile numbers (11 digits, 13x–19x) and 常州 landlines (0519 + 8 digits starting with 8). */
import type { Random } from './random';

const MOBILE_PREFIXES = [
  ...['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152'],
  ...['153', '155', '156', '157', '158', '159', '166', '173', '177', '180', '181', '182', '183'],
  ...['185', '186', '187', '188', '189', '191', '193', '195', '198', '199'],
];

export function mobile(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

/** Written `0519-8xxxxxxx` or `05198xxxxxxx`, as both occur on forms. */
export function landline(rng: Random): string {
  return `0519${rng.chance(0.7) ? '-' : ''}8${rng.digits(7)}`;
}
