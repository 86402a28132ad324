import { timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { SimContext } from '../../framework';
import type { CardService } from './disability.service';
import type { DisabilityStore } from './disability.storage';
import { API_KEYS, DisabilityError } from './disability.types';
import { parsePerson } from './disability.validation';

const MAX_PAGE_SIZE = 200;
const MAX_CHANGES = 500;

const ok = (res: Response, data: unknown, status = 200, extra: Record<string, unknown> = {}): void => {
  res.status(status).json({ code: status, msg: '成功', data, ...extra });
};

function whole(value: unknown, fallback: number, max: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new DisabilityError(400, `参数${name}应为1到${max}之间的整数`);
  return n;
}

const knownKey = (given: string): boolean =>
  [...API_KEYS].some(
    (key) => key.length === given.length && timingSafeEqual(Buffer.from(key), Buffer.from(given)),
  );

/** The federation's REST API: certificates by `cardNo`, the export and its change feed. */
export function disabilityApp(ctx: SimContext, store: DisabilityStore, cards: CardService): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));
  app.use((req, _res, next) => {
    const key = req.headers['x-api-key'];
    if (typeof key !== 'string' || !knownKey(key)) throw new DisabilityError(401, 'API Key无效或缺失');
    next();
  });

  app.get('/api/persons', async (req, res) => {
    const page = whole(req.query.page, 1, 1_000_000, 'page');
    const pageSize = whole(req.query.pageSize, 50, MAX_PAGE_SIZE, 'pageSize');
    const [total, list] = await Promise.all([store.count(), store.page((page - 1) * pageSize, pageSize)]);
    ok(res, { total, page, pageSize, list });
  });

  // Before `/api/persons/:cardNo`, which would otherwise take "changes" for a certificate number.
  app.get('/api/persons/changes', async (req, res) => {
    const since = req.query.since === undefined || req.query.since === '' ? '0' : req.query.since;
    if (typeof since !== 'string' || !/^\d{1,18}$/.test(since))
      throw new DisabilityError(400, 'since应为上次返回的变更序号');
    const limit = whole(req.query.limit, 100, MAX_CHANGES, 'limit');
    const fetched = await store.changesSince(since, limit + 1);
    const list = fetched.slice(0, limit);
    ok(res, {
      list,
      next: list.length > 0 ? list[list.length - 1].seq : since,
      hasMore: fetched.length > limit,
    });
  });

  app.get('/api/persons/:cardNo', async (req, res) => {
    ok(res, await cards.existing(req.params.cardNo));
  });

  app.put('/api/persons/:cardNo', async (req, res) => {
    const outcome = await cards.put(req.params.cardNo, parsePerson(req.body));
    ctx.counters.add('applied');
    const extra = outcome.revokedCardNo ? { revokedCardNo: outcome.revokedCardNo } : {};
    ok(res, outcome.person, outcome.created ? 201 : 200, extra);
  });

  app.use(() => {
    throw new DisabilityError(404, '接口不存在');
  });

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof DisabilityError) {
      if (error.status === 401) ctx.counters.add('unauthorized');
      else if (error.status === 422) ctx.counters.add('rejected');
      res.status(error.status).json({ code: error.status, msg: error.message, data: null });
      return;
    }
    const status = (error as { status?: number }).status;
    if (status === 400 || status === 413) {
      res.status(status).json({ code: status, msg: '请求体格式错误', data: null });
      return;
    }
    console.error('disability:', error);
    res.status(500).json({ code: 500, msg: '系统内部错误', data: null });
  });
  return app;
}
