import { normaliseCitizenId, parseCitizenId } from '@hub/domain';

/**
 * A department's ID number as the hub matches on it: full-width digits, a lower-case `x` and
 * spaces normalised, legacy 15-digit numbers upgraded. A number that still fails the check is
 * passed on normalised, for matching to flag rather than for us to drop.
 */
export function citizenIdForMatching(raw: string): string {
  const parsed = parseCitizenId(raw);
  return parsed.ok ? parsed.id.value : normaliseCitizenId(raw);
}
