/** Hub codes → the 老龄办 system's words, and its replies → our error kinds. */
import { ConnectorError, jsonRefusal, type HttpResponse } from '../common';
import type { AgingLivingStatus, AllowanceLevel } from './aging-services.types';

type HubLivingStatus = 'alone' | 'with_spouse' | 'with_children' | 'institution' | 'other';

const isHubLivingStatus = (value: string): value is HubLivingStatus =>
  ['alone', 'with_spouse', 'with_children', 'institution', 'other'].includes(value);

/** The department has no `other`: an elder living with others (relatives, friends) is sent as unknown. */
export function agingLivingStatus(code: string | null): AgingLivingStatus | null {
  if (code === null || !isHubLivingStatus(code)) return null;
  switch (code) {
    case 'alone':
    case 'with_spouse':
    case 'with_children':
    case 'institution':
      return code;
    case 'other':
      return null;
  }
}

/** The old-age allowance band (高龄津贴) from whole years of age on the day. */
export function allowanceLevel(age: number): AllowanceLevel {
  if (age >= 100) return '100+';
  if (age >= 90) return '90-99';
  if (age >= 80) return '80-89';
  return 'none';
}

/**
 * A reply that is not a success (401, 429 and 5xx are classified by httpCall before this). What
 * the department refuses about an elder (bad ID number, unknown elderId, duplicate) is final.
 */
export function agingError(res: HttpResponse): ConnectorError {
  switch (res.status) {
    case 400:
    case 404:
    case 409:
    case 422:
      return jsonRefusal(res);
    case 403:
      return new ConnectorError('auth', 'client not allowed', { status: 403 });
    default:
      return new ConnectorError('invalid', `unexpected HTTP ${res.status}`, { status: res.status });
  }
}
