import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import express, { type RequestHandler } from 'express';

/** Where Vite writes the console (`apps/web/dist`), from the directory the api is started in. */
export const WEB_DIST = join(process.cwd(), 'apps', 'web', 'dist');

const API_PATH = /^\/api(\/|$)/;

/**
 * The built console as static files at `/`, and its index.html for any other GET outside `/api`
 * (the console routes in the browser). Vite's hashed assets are cached for a year; index.html
 * is revalidated so a new build shows at the next load. None when the console is not built.
 */
export function webConsoleHandlers(dir = WEB_DIST): RequestHandler[] {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return [];
  const files = express.static(dir, {
    index: false,
    setHeaders: (res, path) =>
      res.setHeader(
        'Cache-Control',
        path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  });
  const fallback: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATH.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  const assets: RequestHandler = (req, res, next) => {
    if (API_PATH.test(req.path)) return next();
    void files(req, res, next);
  };
  return [assets, fallback];
}
