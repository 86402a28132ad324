/**
 * Citizen ID numbers as matching keys. The checks themselves (GB 11643 check character, the
 * legacy upgrade, plausible birth dates) live in `@hub/domain`; this only decides what counts as
 * an attempt at an ID number at all, and keeps a wrong one (for evidence) apart from a valid one.
 */
import { normaliseCitizenId, parseCitizenId, upgradeLegacyCitizenId } from '@hub/domain';

export interface NormalisedIdNumber {
  /** 18 characters, upper-case `X`, legacy numbers upgraded; null when the input is not an ID number. */
  idNumber: string | null;
  /** Checksum right, real birth date not in the future, a known province prefix. */
  valid: boolean;
}

/** Hyphens and dashes people type to group the digits (`320402-19900201-022X`). */
const DASHES = /[-_\u2010-\u2015\u2212\uFE63]/g;
const LEGACY = /^\d{15}$/;
const CURRENT = /^\d{17}[\dX]$/;

const NONE: NormalisedIdNumber = { idNumber: null, valid: false };

/**
 * Full-width digits and `Ｘ`, lower-case `x`, spaces and dashes are normalised; a 15-digit legacy
 * number gets its century and check character. A number with a wrong check character or date is
 * still returned (another source may hold the same typo) but not `valid`.
 */
export function normaliseIdNumber(raw: unknown, today: Date = new Date()): NormalisedIdNumber {
  const text = typeof raw === 'string' ? raw : Number.isSafeInteger(raw) ? String(raw) : '';
  const compact = normaliseCitizenId(text.normalize('NFKC')).replace(DASHES, '');
  let idNumber: string;
  if (LEGACY.test(compact)) idNumber = upgradeLegacyCitizenId(compact);
  else if (CURRENT.test(compact)) idNumber = compact;
  else return NONE;
  return { idNumber, valid: parseCitizenId(idNumber, today).ok };
}
