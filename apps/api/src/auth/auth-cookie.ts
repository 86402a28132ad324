import type { Request, Response } from 'express';

/** The token again as a cookie, for pages a browser navigates to without a bearer header (Bull Board). */
export const TOKEN_COOKIE = 'hub_token';

// httpOnly: scripts never read it; SameSite=Strict: no other site's page can send it along;
// Path=/api: static files of the console do not carry it.
const ATTRIBUTES = { httpOnly: true, sameSite: 'strict', path: '/api' } as const;

export function setTokenCookie(req: Request, res: Response, token: string, ttlSeconds: number): void {
  res.cookie(TOKEN_COOKIE, token, { ...ATTRIBUTES, secure: req.secure, maxAge: ttlSeconds * 1000 });
}

export function clearTokenCookie(req: Request, res: Response): void {
  res.clearCookie(TOKEN_COOKIE, { ...ATTRIBUTES, secure: req.secure });
}

/** The bearer token if the request has one, else the cookie's. */
export function requestToken(headers: { authorization?: string; cookie?: string }): string | undefined {
  const [scheme, bearer] = (headers.authorization ?? '').split(' ');
  if (scheme === 'Bearer' && bearer) return bearer;
  for (const part of (headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== TOKEN_COOKIE || value.length === 0) continue;
    try {
      return decodeURIComponent(value.join('=')) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
