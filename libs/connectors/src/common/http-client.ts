import { ConnectorError } from './connector-error';

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer | Uint8Array | FormData;
  /** Per-call time-out; departments are slow (150-400 ms) but must not hang a worker. */
  timeoutMs?: number;
  /** `manual` to read a login's Set-Cookie on its 302 (fetch drops it when following). */
  redirect?: 'follow' | 'manual' | 'error';
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  text(): string;
  json<T = unknown>(): T;
}

const retryAfterMs = (value: string | null): number | undefined => {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
};

/**
 * One HTTP call, with the classification every connector shares: network errors, time-outs,
 * 5xx and 429 are temporary (429 carries Retry-After); 401 is auth. Other statuses are returned
 * for the connector to read its department's own refusals.
 */
export async function httpCall(request: HttpRequest): Promise<HttpResponse> {
  let res: Response;
  try {
    res = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body as RequestInit['body'],
      redirect: request.redirect,
      signal: AbortSignal.timeout(request.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw ConnectorError.temporary(`${request.method} ${request.url}: ${(error as Error).message}`);
  }
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status === 429) {
    throw ConnectorError.temporary('请求过于频繁', {
      status: 429,
      retryAfterMs: retryAfterMs(res.headers.get('retry-after')),
    });
  }
  if (res.status >= 500) throw ConnectorError.temporary(`HTTP ${res.status}`, { status: res.status });
  if (res.status === 401) throw new ConnectorError('auth', 'credentials refused or expired', { status: 401 });
  return {
    status: res.status,
    headers: res.headers,
    body,
    text: () => body.toString('utf8'),
    json: <T>() => JSON.parse(body.toString('utf8')) as T,
  };
}

/**
 * A whole-content export in one reply (a roster file, a CSV of every person) takes as long as the
 * department needs to write it: minutes for a city, so it gets its own, longer limit.
 */
export const EXPORT_TIMEOUT_MS = 600_000;
