import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { SimContext } from '../../framework';
import type { HouseholdService } from './civil-assistance.service';
import type { CivilStore } from './civil-assistance.storage';
import {
  APP_SECRETS,
  CivilCode,
  CivilError,
  NONCE_MEMORY_MS,
  SIGNATURE_WINDOW_MS,
} from './civil-assistance.types';
import { parseHousehold } from './civil-assistance.validation';

const MAX_PAGE_SIZE = 500;
const MAX_CHANGES = 500;

const ok = (res: Response, data: unknown, status = 200): void => {
  res.status(status).json({ code: CivilCode.ok, message: '成功', data });
};

const unauthorized = (message: string): CivilError => new CivilError(401, CivilCode.unauthorized, message);

/** hex HMAC-SHA256 over `method\npath\ntimestamp\nnonce\nsha256(body)`; the path excludes the query. */
export function civilSignature(
  secret: string,
  method: string,
  path: string,
  timestamp: string,
  nonce: string,
  body: Buffer,
): string {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return createHmac('sha256', secret)
    .update([method.toUpperCase(), path, timestamp, nonce, bodyHash].join('\n'))
    .digest('hex');
}

const rawBody = (req: Request): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

function jsonBody(req: Request): unknown {
  try {
    return JSON.parse(rawBody(req).toString('utf8'));
  } catch {
    throw new CivilError(400, CivilCode.badRequest, '请求体不是合法的JSON');
  }
}

function positiveInt(value: unknown, fallback: number, max: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new CivilError(400, CivilCode.badRequest, `参数${name}应为1到${max}之间的整数`);
  return n;
}

/** Checks the app key, the time window, the signature and then the nonce (a bad call burns none). */
function signatureCheck(ctx: SimContext, store: CivilStore) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const header = (name: string): string | undefined => {
      const value = req.headers[name];
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    const appKey = header('x-app-key');
    const timestamp = header('x-timestamp');
    const nonce = header('x-nonce');
    const sign = header('x-sign');
    if (!appKey || !timestamp || !nonce || !sign)
      throw unauthorized('缺少签名参数(X-App-Key/X-Timestamp/X-Nonce/X-Sign)');
    const secret = APP_SECRETS[appKey];
    if (!secret) throw unauthorized('应用标识无效');
    if (!/^\d{13}$/.test(timestamp)) throw unauthorized('时间戳格式错误(毫秒)');
    if (Math.abs(ctx.now().getTime() - Number(timestamp)) > SIGNATURE_WINDOW_MS)
      throw unauthorized('请求已过期，请校准时间后重试');
    const path = new URL(req.originalUrl, 'http://localhost').pathname;
    const expected = Buffer.from(civilSignature(secret, req.method, path, timestamp, nonce, rawBody(req)));
    const given = Buffer.from(sign.toLowerCase());
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw unauthorized('签名校验失败');
    const forgetBefore = new Date(ctx.now().getTime() - NONCE_MEMORY_MS);
    if (!(await store.rememberNonce(appKey, nonce, forgetBefore)))
      throw unauthorized('重复的请求(nonce已使用)');
    next();
  };
}

/** The department's REST API: household documents, the export and its own change feed. */
export function civilAssistanceApp(
  ctx: SimContext,
  store: CivilStore,
  service: HouseholdService,
): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.raw({ type: () => true, limit: '2mb' }));
  app.use(signatureCheck(ctx, store));

  app.get('/api/v1/households', async (req, res) => {
    const page = positiveInt(req.query.page, 1, 1_000_000, 'page');
    const size = positiveInt(req.query.size, 20, MAX_PAGE_SIZE, 'size');
    const [total, items] = await Promise.all([store.count(), store.page((page - 1) * size, size)]);
    ok(res, { total, page, size, items });
  });

  app.get('/api/v1/households/:householdNo', async (req, res) => {
    ok(res, await service.existing(req.params.householdNo));
  });

  app.post('/api/v1/households', async (req, res) => {
    const body = jsonBody(req) as Record<string, unknown> | null;
    if (body && typeof body === 'object' && body.householdNo)
      throw new CivilError(400, CivilCode.badRequest, '新增家庭不能指定家庭编号，编号由系统生成');
    const created = await service.create(parseHousehold(body, ctx.now()));
    ctx.counters.add('applied');
    ok(res, created, 201);
  });

  app.put('/api/v1/households/:householdNo', async (req, res) => {
    const body = jsonBody(req) as Record<string, unknown> | null;
    const { householdNo } = req.params;
    if (body && typeof body === 'object' && body.householdNo && body.householdNo !== householdNo)
      throw new CivilError(400, CivilCode.badRequest, '路径与请求体中的家庭编号不一致');
    const fields = parseHousehold(body, ctx.now());
    const updated = await service.update(householdNo, fields);
    ctx.counters.add('applied');
    ok(res, updated);
  });

  app.get('/api/v1/changes', async (req, res) => {
    const since = req.query.since === undefined || req.query.since === '' ? '0' : req.query.since;
    if (typeof since !== 'string' || !/^\d{1,18}$/.test(since))
      throw new CivilError(400, CivilCode.badRequest, '游标格式错误');
    const limit = positiveInt(req.query.limit, 100, MAX_CHANGES, 'limit');
    const fetched = await store.changesSince(since, limit + 1);
    const changes = fetched.slice(0, limit);
    ok(res, {
      changes,
      nextCursor: changes.length > 0 ? changes[changes.length - 1].cursor : since,
      hasMore: fetched.length > limit,
    });
  });

  app.use(() => {
    throw new CivilError(404, CivilCode.notFound, '接口不存在');
  });

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof CivilError) {
      if (error.status === 401) ctx.counters.add('unauthorized');
      else if (error.status === 409) ctx.counters.add('duplicatesRefused');
      else if (error.status === 422) ctx.counters.add('rejected');
      res.status(error.status).json({ code: error.code, message: error.message, data: error.data ?? null });
      return;
    }
    const status = (error as { status?: number }).status;
    if (status === 413) {
      res.status(413).json({ code: CivilCode.badRequest, message: '请求体过大', data: null });
      return;
    }
    console.error('civil-assistance:', error);
    res.status(500).json({ code: 50001, message: '系统内部错误', data: null });
  });
  return app;
}
