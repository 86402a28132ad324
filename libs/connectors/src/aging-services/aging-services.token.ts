import { ConnectorError, httpCall, jsonRefusal, unwrapped } from '../common';
import type { OAuthToken } from './aging-services.types';

/** The department's tokens live 10 minutes; a reply without `expires_in` is taken at that. */
const DEFAULT_LIFETIME_S = 600;

export interface TokenSourceOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
  renewBeforeMs: number;
}

/**
 * OAuth2 client credentials (RFC 6749 §4.4), credentials in the form body. One token shared by
 * every call until shortly before it expires; concurrent callers wait for the same request.
 */
export class TokenSource {
  private token: { value: string; renewAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(private readonly options: TokenSourceOptions) {}

  async current(): Promise<string> {
    if (this.token && Date.now() < this.token.renewAt) return this.token.value;
    this.pending ??= this.request().finally(() => (this.pending = null));
    return this.pending;
  }

  /** The department refused the token (it expired early, or was revoked): take a new one. */
  forget(): void {
    this.token = null;
  }

  private async request(): Promise<string> {
    const res = await httpCall({
      method: 'POST',
      url: this.options.tokenUrl,
      timeoutMs: this.options.timeoutMs,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.options.clientId,
        client_secret: this.options.clientSecret,
      }).toString(),
    });
    // RFC 6749 §5.2: bad client credentials are 400/401 `invalid_client`; nothing to renew them with.
    if (res.status === 400 || res.status === 403) {
      const refusal = jsonRefusal(res);
      throw new ConnectorError('auth', refusal.message, refusal.details);
    }
    if (res.status >= 300) throw new ConnectorError('invalid', `token endpoint: HTTP ${res.status}`);
    const body = unwrapped(res.json()) as Partial<OAuthToken>;
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw new ConnectorError('invalid', 'token endpoint sent no access_token');
    }
    const lifetimeMs = (Number(body.expires_in) || DEFAULT_LIFETIME_S) * 1000;
    this.token = {
      value: body.access_token,
      renewAt: Date.now() + Math.max(0, lifetimeMs - this.options.renewBeforeMs),
    };
    return body.access_token;
  }
}
