import { ConnectorError, type ConnectorErrorKind } from '../common';
import type { ResidentSnapshot } from '@hub/domain';
import type { PoliceRylb, PoliceZt } from './police-population.types';

export const SUCCESS_CODE = '0000';
/** SOAP fault for more than 5 calls a second. */
export const RATE_LIMIT_CODE = 'E429';
/** The service counts calls per second: one second later a retry is welcome again. */
export const RATE_LIMIT_RETRY_MS = 1_000;

export function rylbOf(registrationType: ResidentSnapshot['registrationType']): PoliceRylb | undefined {
  switch (registrationType) {
    case 'registered':
      return '1';
    case 'floating':
      return '2';
    case 'overseas':
      // 境外人员 are kept in the police's separate foreigner system, not in 实有人口.
      return undefined;
  }
}

export function registrationTypeOf(rylb: string): ResidentSnapshot['registrationType'] | undefined {
  switch (rylb) {
    case '1':
      return 'registered';
    case '2':
      return 'floating';
    default:
      return undefined;
  }
}

/** How the record ends: dead before moved out (a death is final, a move may be reversed). */
export function endStatusOf(subject: ResidentSnapshot): Exclude<PoliceZt, '0'> | undefined {
  if (subject.lifeStatus === 'deceased') return '1';
  if (subject.residenceStatus === 'moved_out') return '2';
  return undefined;
}

/** UsernameToken refused (fault `E401 认证失败…`). */
export const AUTH_CODE = 'E401';

/**
 * The department's codes → our error kinds: rate limiting and its own failures (`E5xx`) are
 * worth retrying, a refused UsernameToken is auth; every other `E…` code is a business refusal
 * (`E102 公民身份号码校验错误`, unknown person, …) and final.
 */
export function errorKindOf(code: string): ConnectorErrorKind {
  if (code === RATE_LIMIT_CODE || /^E5\d\d$/.test(code)) return 'temporary';
  if (code === AUTH_CODE) return 'auth';
  return 'refused';
}

export function policeError(code: string, message: string): ConnectorError {
  const kind = errorKindOf(code);
  const retryAfterMs = code === RATE_LIMIT_CODE ? RATE_LIMIT_RETRY_MS : undefined;
  return new ConnectorError(kind, message, { departmentCode: code, retryAfterMs });
}
