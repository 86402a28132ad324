import type { ConnectorErrorKind } from '../common';

/**
 * Statuses of `POST /api/report/submit` that httpCall leaves to us (5xx/429 temporary, 401 auth):
 * 409 is the deadline passed (the 5th of the next month) — the department's final word, kept with
 * its message; 403 a token without the right; 400/422 a report the platform cannot read (our bug).
 */
export function submitStatusKind(status: number): ConnectorErrorKind {
  switch (status) {
    case 409:
      return 'refused';
    case 403:
      return 'auth';
    default:
      return 'invalid';
  }
}

/** The platform's message from an error reply, whichever name it uses for it. */
export function replyMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const message = parsed.message ?? parsed.msg ?? parsed.error;
    return typeof message === 'string' ? message : body;
  } catch {
    return body;
  }
}
