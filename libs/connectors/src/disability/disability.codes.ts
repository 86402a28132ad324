/**
 * GB/T 26341 codes as the 残联 system writes them, the second-generation certificate number
 * (第二代残疾人证号: 18-digit ID + type digit + grade digit), and its replies → our error kinds.
 */
import { DISABILITY_GRADE, DISABILITY_TYPE, isCode } from '@hub/domain';
import { ConnectorError, jsonRefusal, type HttpResponse } from '../common';

const CARD_NO = /^(\d{17}[\dX])([1-7])([1-4])$/;

export function cardNumber(idNumber: string, type: string, grade: string): string {
  if (!isCode(DISABILITY_TYPE, type) || !isCode(DISABILITY_GRADE, grade)) {
    throw new ConnectorError('invalid', `disability type ${type} / grade ${grade} outside GB/T 26341`);
  }
  if (!/^\d{17}[\dX]$/.test(idNumber)) {
    throw new ConnectorError('invalid', 'a disability certificate needs an 18-character ID number');
  }
  return `${idNumber}${type}${grade}`;
}

export function parseCardNumber(cardNo: string): { idNumber: string; type: string; grade: string } | null {
  const match = CARD_NO.exec(cardNo.trim().toUpperCase());
  return match ? { idNumber: match[1], type: match[2], grade: match[3] } : null;
}

/**
 * A reply that is not a success (401, 429 and 5xx are classified by httpCall before this). 422 is
 * the department's own refusal (a cardNo that does not match idNumber + type + grade, an invalid
 * ID number): final, in its words.
 */
export function disabilityError(res: HttpResponse): ConnectorError {
  switch (res.status) {
    case 400:
    case 404:
    case 409:
    case 422:
      return jsonRefusal(res);
    case 403:
      return new ConnectorError('auth', 'API key not allowed', { status: 403 });
    default:
      return new ConnectorError('invalid', `unexpected HTTP ${res.status}`, { status: res.status });
  }
}
