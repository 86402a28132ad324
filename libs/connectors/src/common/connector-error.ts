/**
 * The one small vocabulary every connector speaks, whatever its department's protocol:
 * - temporary: transport errors, time-outs, 5xx, 429 → retry with backoff (429: after Retry-After,
 *   without spending an attempt);
 * - auth: credentials expired or refused → renew, then retry;
 * - refused: a business refusal by the department → final; its own message is kept for a person;
 * - invalid: what we sent was malformed → final; our bug.
 */
export type ConnectorErrorKind = 'temporary' | 'auth' | 'refused' | 'invalid';

export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly details: {
      retryAfterMs?: number;
      departmentCode?: string;
      status?: number;
      /**
       * A create refused because the department already holds the subject, under this id (its
       * reply names it): an earlier create whose answer was lost, or a record it had already.
       */
      heldAs?: string;
    } = {},
  ) {
    super(message);
  }

  get final(): boolean {
    return this.kind === 'refused' || this.kind === 'invalid';
  }

  static temporary(message: string, details?: ConnectorError['details']): ConnectorError {
    return new ConnectorError('temporary', message, details);
  }

  static refused(message: string, details?: ConnectorError['details']): ConnectorError {
    return new ConnectorError('refused', message, details);
  }
}

/** Anything a transport throws, as a ConnectorError (network failures are temporary). */
export function asConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return ConnectorError.temporary(message);
}
