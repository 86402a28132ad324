import { isCode, MARITAL_STATUS } from '@hub/domain';
import { ConnectorError, type ConnectorErrorKind } from '../common';

/** `t_rk_in.clzt`: `0` pending, `1` done, `9` rejected (then `clxx` says why). */
export type ProcessingState = 'pending' | 'done' | 'rejected';

export function processingState(clzt: string | null): ProcessingState {
  const state = (clzt ?? '0').trim() as '0' | '1' | '9';
  switch (state) {
    case '0':
      return 'pending';
    case '1':
      return 'done';
    case '9':
      return 'rejected';
    default:
      throw new ConnectorError('invalid', `t_rk_in.clzt has an undocumented value ${String(clzt)}`);
  }
}

/**
 * GB/T 2261.2 is the department's own table, so codes pass unchanged. An unknown marital status
 * is sent as `90` 未说明的婚姻状况 (the standard's own "not stated"), not left empty: the column
 * is part of every person the department keeps.
 */
export function maritalStatusCode(code: string | null): string {
  return code !== null && isCode(MARITAL_STATUS, code) ? code : '90';
}

/** Gender codes the reverse mapping accepts (GB/T 2261.1). */
export const isGenderCode = (code: string): boolean => ['0', '1', '2', '9'].includes(code);

/**
 * PostgreSQL errors (SQLSTATE classes) and socket errors as our error kinds:
 * - lost or refused connections, shutdowns, time-outs, lock conflicts, resource limits → temporary;
 * - a login refused or a privilege missing → auth (the department must fix the login);
 * - data or constraint errors, unknown tables or columns → invalid (we sent what the tables don't take).
 */
export function databaseErrorKind(error: unknown): ConnectorErrorKind {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return 'temporary';
  if (/^E[A-Z]+$/.test(code)) return 'temporary'; // ECONNREFUSED, ECONNRESET, ETIMEDOUT, …
  switch (code.slice(0, 2)) {
    case '08': // connection exception
    case '40': // serialization failure, deadlock
    case '53': // insufficient resources
    case '55': // lock not available
    case '57': // operator intervention: shutdown, statement time-out
    case '58': // system error
      return 'temporary';
    case '28': // invalid authorization specification
      return 'auth';
    case '42':
      return code === '42501' ? 'auth' : 'invalid';
    default:
      return 'invalid';
  }
}

/** A connection the server or the network dropped: worth one immediate retry on a new one. */
export function isLostConnection(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === '57P01' || code === '57P02' || code === '08006' || code === '08003') return true;
  if (code === 'ECONNRESET' || code === 'EPIPE') return true;
  return typeof message === 'string' && /Connection terminated|connection.*closed/i.test(message);
}

export function asDatabaseError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const { message, code } = error as { message?: unknown; code?: unknown };
  return new ConnectorError(databaseErrorKind(error), `family-planning database: ${String(message)}`, {
    departmentCode: typeof code === 'string' ? code : undefined,
  });
}
