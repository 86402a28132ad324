import { ConnectorError, httpCall, type HttpResponse } from '../common';
import { callErrorKind } from './grid-governance.codes';
import type { GridErrorReply, GridGovernanceOptions } from './grid-governance.types';

const DEFAULT_MIN_INTERVAL_MS = 220;

/**
 * Bearer-token JSON calls, spaced so one connector stays under the platform's 5 calls a second
 * (a 429 still comes through httpCall as temporary with Retry-After).
 */
const READ_ATTEMPTS = 4;

export class GridGovernanceClient {
  private readonly base: string;
  private nextCallAt = 0;

  constructor(private readonly options: GridGovernanceOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  /**
   * Reads are safe to repeat: one the platform turns away with 429 (other hub processes share
   * its 5 calls/s) is sent again after the Retry-After it names, a few times, before failing.
   */
  async get<T>(path: string): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const res = await this.call('GET', path);
      if (res.status !== 429 || attempt >= READ_ATTEMPTS) return this.read<T>(res);
      const seconds = Number(res.headers.get('retry-after') ?? 1);
      await new Promise((resolve) => setTimeout(resolve, (Number.isFinite(seconds) ? seconds : 1) * 1000));
    }
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
