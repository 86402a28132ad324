import { ConnectorError, httpCall, type HttpResponse } from '../common';
import { callErrorKind } from './grid-governance.codes';
import type { GridErrorReply, GridGovernanceOptions } from './grid-governance.types';

const DEFAULT_MIN_INTERVAL_MS = 220;

/**
 * Bearer-token JSON calls, spaced so one connector stays under the platform's 5 calls a second
 * (a 429 still comes through httpCall as temporary with Retry-After; the export's page reader
 * waits and asks again, a delivery fails as temporary and its job is retried).
 */

export class GridGovernanceClient {
  private readonly base: string;
  private nextCallAt = 0;

  constructor(private readonly options: GridGovernanceOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  async get<T>(path: string): Promise<T> {
    return this.read<T>(await this.call('GET', path));
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return this.read<T>(await this.call('POST', path, body));
  }

  private async call(method: string, path: string, body?: unknown): Promise<HttpResponse> {
    const wait = this.nextCallAt - Date.now();
    this.nextCallAt =
      Math.max(Date.now(), this.nextCallAt) + (this.options.minCallIntervalMs ?? DEFAULT_MIN_INTERVAL_MS);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return httpCall({
      method,
      url: `${this.base}${path}`,
      timeoutMs: this.options.timeoutMs,
      headers: {
        authorization: `Bearer ${this.options.token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  private read<T>(res: HttpResponse): T {
    if (res.status >= 200 && res.status < 300) return res.json<T>();
    let reply: GridErrorReply = {};
    try {
      reply = res.json<GridErrorReply>();
    } catch {
      // not JSON: the status line says enough
    }
    const message = reply.error?.message ?? `HTTP ${res.status}`;
    throw new ConnectorError(callErrorKind(reply.error?.status, res.status), message, {
      status: res.status,
      departmentCode: reply.error?.status,
    });
  }
}
