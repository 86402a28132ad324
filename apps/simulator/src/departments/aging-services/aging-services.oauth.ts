import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AgingStore } from './aging-services.storage';
import { AgingError, CLIENT_SECRETS, TOKEN_LIFETIME_SECONDS } from './aging-services.types';

const sameSecret = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Client credentials from the form/JSON body or, as RFC 6749 prefers, an HTTP Basic header. */
function clientCredentials(req: Request): { id?: string; secret?: string } {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return {
      id: decodeURIComponent(decoded.slice(0, colon)),
      secret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  }
  const body = (req.body ?? {}) as Record<string, unknown>;
  return {
    id: typeof body.client_id === 'string' ? body.client_id : undefined,
    secret: typeof body.client_secret === 'string' ? body.client_secret : undefined,
  };
}

/** POST /oauth/token: the client credentials grant, answered in RFC 6749's own format. */
export function tokenEndpoint(store: AgingStore) {
  return async (req: Request, res: Response): Promise<void> => {
    res.setHeader('cache-control', 'no-store');
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body.grant_type !== 'client_credentials') {
      res.status(400).json({
        error: 'unsupported_grant_type',
        error_description: '仅支持client_credentials授权方式',
      });
      return;
    }
    const { id, secret } = clientCredentials(req);
    const expected = id ? CLIENT_SECRETS[id] : undefined;
    if (!id || !secret || !expected || !sameSecret(secret, expected)) {
      res.setHeader('www-authenticate', 'Basic realm="aging-services"');
      res.status(401).json({ error: 'invalid_client', error_description: '客户端认证失败' });
      return;
    }
    const token = await store.issueToken(id);
    res.json({ access_token: token, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS });
  };
}

/** Every API call needs a bearer token that has not expired by the department's clock. */
export function bearerCheck(store: AgingStore, now: () => Date) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    if (!token) {
      res.setHeader('www-authenticate', 'Bearer realm="aging-services"');
      throw new AgingError(401, 'unauthorized', '缺少访问令牌');
    }
    const expiresAt = await store.tokenExpiry(token);
    if (!expiresAt || expiresAt.getTime() <= now().getTime()) {
      const why = expiresAt ? 'token expired' : 'token unknown';
      res.setHeader(
        'www-authenticate',
        `Bearer realm="aging-services", error="invalid_token", error_description="${why}"`,
      );
      throw new AgingError(401, 'invalid_token', expiresAt ? '访问令牌已过期，请重新获取' : '访问令牌无效');
    }
    next();
  };
}
