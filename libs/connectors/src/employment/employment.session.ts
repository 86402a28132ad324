import { ConnectorError, decodeGbk, gbkFormBody, httpCall, type HttpResponse } from '../common';
import { isLoginPage } from './employment.codes';

interface SessionSettings {
  baseUrl: string;
  username: string;
  password: string;
  timeoutMs: number;
}

const FORM_TYPE = 'application/x-www-form-urlencoded; charset=GBK';

/** `name=value` pairs of every Set-Cookie, as a Cookie header. */
const cookieOf = (res: HttpResponse): string =>
  res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0].trim())
    .filter(Boolean)
    .join('; ');

/** A reply that is (or leads to) the login form: the session has expired. */
function needsLogin(res: HttpResponse): boolean {
  if (res.status >= 300 && res.status < 400) return /login\.do/.test(res.headers.get('location') ?? '');
  const type = res.headers.get('content-type') ?? '';
  return type.includes('html') && isLoginPage(decodeGbk(res.body));
}

/**
 * The job centre's web session: a cookie from the login form that expires after 15 idle
 * minutes. An expired session is renewed and the call retried once, without counting as a
 * failure; a login form right after logging in means the credentials are refused (auth).
 */
export class EmploymentSession {
  private cookie: string | null = null;

  constructor(private readonly settings: SessionSettings) {}

  async get(path: string, timeoutMs = this.settings.timeoutMs): Promise<HttpResponse> {
    return this.withSession((cookie) =>
      httpCall({
        method: 'GET',
        url: this.url(path),
        headers: { cookie },
        timeoutMs,
        redirect: 'manual',
      }),
    );
  }

  async postForm(path: string, fields: Record<string, string>): Promise<HttpResponse> {
    const body = gbkFormBody(fields);
    return this.withSession((cookie) =>
      httpCall({
        method: 'POST',
        url: this.url(path),
        headers: { cookie, 'content-type': FORM_TYPE },
        body,
        timeoutMs: this.settings.timeoutMs,
        redirect: 'manual',
      }),
    );
  }

  private async withSession(send: (cookie: string) => Promise<HttpResponse>): Promise<HttpResponse> {
    const first = await send(this.cookie ?? (await this.login()));
    if (!needsLogin(first)) return this.checked(first);
    const second = await send(await this.login());
    if (needsLogin(second)) throw new ConnectorError('auth', 'employment: session refused right after login');
    return this.checked(second);
  }

  private checked(res: HttpResponse): HttpResponse {
    if (res.status === 403) throw new ConnectorError('auth', 'employment: HTTP 403', { status: 403 });
    if (res.status >= 400) {
      // 400/404/405: the request itself is wrong (our bug), not the department's judgement.
      throw new ConnectorError('invalid', `employment: HTTP ${res.status}`, { status: res.status });
    }
    return res;
  }

  private async login(): Promise<string> {
    this.cookie = null;
    const res = await httpCall({
      method: 'POST',
      url: this.url('/jy/login.do'),
      headers: { 'content-type': FORM_TYPE },
      body: gbkFormBody({ username: this.settings.username, password: this.settings.password }),
      timeoutMs: this.settings.timeoutMs,
      redirect: 'manual',
    });
    const cookie = cookieOf(res);
    // A refused login answers the form again (or 401, already auth), and sets no session.
    if (!cookie || res.status >= 400 || needsLogin(res)) {
      throw new ConnectorError('auth', 'employment: login refused', { status: res.status });
    }
    this.cookie = cookie;
    return cookie;
  }

  private url(path: string): string {
    return new URL(path, this.settings.baseUrl).toString();
  }
}
