import type { ConnectorErrorKind } from '../common';
import type { FhirGender } from './public-health.types';

/** GB/T 2261.1 → FHIR administrative gender (the system knows only these three). */
export function toFhirGender(gender: string): FhirGender {
  switch (gender) {
    case '1':
      return 'male';
    case '2':
      return 'female';
    default:
      // '0' unknown and '9' unspecified: FHIR's `unknown` covers both.
      return 'unknown';
  }
}

export function fromFhirGender(gender: FhirGender): string {
  switch (gender) {
    case 'male':
      return '1';
    case 'female':
      return '2';
    case 'unknown':
      return '0';
  }
}

/**
 * OperationOutcome issue codes (FHIR IssueType) → our error kinds. A business refusal keeps the
 * department's diagnostics; a malformed resource is our bug; transient issues are retried.
 */
export function issueKind(code: string | undefined): ConnectorErrorKind {
  switch (code) {
    case 'transient':
    case 'lock-error':
    case 'no-store':
    case 'exception':
    case 'timeout':
    case 'incomplete':
    case 'throttled':
      return 'temporary';
    case 'security':
    case 'login':
    case 'unknown':
    case 'expired':
      return 'auth';
    case 'structure':
    case 'not-supported':
    case 'too-long':
      return 'invalid';
    case undefined:
    default:
      // invalid, required, value, invariant, business-rule, duplicate, not-found, conflict, …
      return 'refused';
  }
}
