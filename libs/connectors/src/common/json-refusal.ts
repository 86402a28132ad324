import { ConnectorError } from './connector-error';
import type { HttpResponse } from './http-client';

/**
 * A JSON department's refusal, keeping its own words and code for the person who reads it.
 * The spec does not fix the error body of the JSON systems; they all carry a message under one of
 * the usual names and often a code of their own.
 */
export function jsonRefusal(res: HttpResponse): ConnectorError {
  const body = readJson(res);
  const message =
    firstString(body, ['message', 'msg', 'error_description', 'errorMessage', 'detail', 'error']) ??
    `HTTP ${res.status}`;
  const departmentCode = firstString(body, ['code', 'errorCode', 'errcode', 'error']);
  return ConnectorError.refused(message, { status: res.status, departmentCode });
}

function readJson(res: HttpResponse): Record<string, unknown> {
  try {
    const body = res.json();
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  } catch {
    return { message: res.text().slice(0, 200) || undefined };
  }
}

function firstString(body: Record<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = body[key];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}
