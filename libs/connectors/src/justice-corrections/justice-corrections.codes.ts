import type { ConnectorErrorKind } from '../common';

const SUCCESS_CODES = new Set(['0', '00', '0000', '200', 'SUCCESS', 'success', 'OK', 'ok']);

/** Whether a decrypted reply's `code` says the call succeeded (no code at all: it did). */
export function isSuccess(code: string | number | undefined): boolean {
  return code === undefined || SUCCESS_CODES.has(String(code));
}

/**
 * The department's refusal, by HTTP status: it refuses a bad signature or a stale timestamp
 * with 401/403 (our keys or clock: auth — re-signing with a fresh timestamp is the "renewal");
 * a 5xx is temporary (handled by httpCall); everything else is a business refusal to keep.
 */
export function refusalKind(status: number): ConnectorErrorKind {
  switch (status) {
    case 401:
    case 403:
      return 'auth';
    case 408:
    case 429:
      return 'temporary';
    default:
      return 'refused';
  }
}

/** Whether a record's state says "in corrections" (for the change feed). */
export function isInCorrections(zt: string): boolean {
  switch (zt) {
    case '1':
      return true;
    default:
      return false;
  }
}
