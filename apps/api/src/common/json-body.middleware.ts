import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';
import { RecordError } from '@hub/record';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * JSON.parse keeps `__proto__` as an own key; class-transformer would then assign it and
 * replace an object's prototype. Such keys are refused before anything reads the body.
 */
export function findForbiddenKey(value: unknown, path = ''): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    const here = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (FORBIDDEN.has(key)) return here;
    const inner = findForbiddenKey((value as Record<string, unknown>)[key], here);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * Parses JSON bodies inside Nest's middleware chain (not as a bare Express handler) so that a
 * too-large or broken body reaches the same error filter as every other mistake.
 */
export function jsonBodyMiddleware(limit: string) {
  const parse: RequestHandler = json({ limit });
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    await new Promise<void>((resolve, reject) => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- body-parser passes unknown errors
      void parse(req, res, (error?: unknown) => (error ? reject(error as Error) : resolve()));
    });
    const field = findForbiddenKey(req.body);
    if (field) throw RecordError.invalid([{ field, message: '不允许提交该字段' }]);
    next();
  };
}
