import express, { type NextFunction, type Request, type Response } from 'express';
import type { SimContext } from '../../framework';
import { bearerCheck, tokenEndpoint } from './aging-services.oauth';
import type { AgingStore } from './aging-services.storage';
import { AgingError } from './aging-services.types';
import { parseElder } from './aging-services.validation';

const MAX_LIMIT = 500;

function whole(value: unknown, fallback: number, min: number, max: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new AgingError(400, 'bad_request', `参数${name}应为${min}到${max}之间的整数`);
  return n;
}

/** The department's REST API: OAuth2 token, elders (create, replace, read, export). No change feed. */
export function agingServicesApp(ctx: SimContext, store: AgingStore): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false, limit: '64kb' }));

  app.post('/oauth/token', tokenEndpoint(store));
  app.use(bearerCheck(store, () => ctx.now()));

  app.get('/elders', async (req, res) => {
    const offset = whole(req.query.offset, 0, 0, Number.MAX_SAFE_INTEGER, 'offset');
    const limit = whole(req.query.limit, 50, 1, MAX_LIMIT, 'limit');
    const [total, items] = await Promise.all([store.count(), store.page(offset, limit)]);
    res.json({ total, offset, limit, items });
  });

  app.get('/elders/:elderId', async (req, res) => {
    const elder = await store.get(req.params.elderId);
    if (!elder) throw new AgingError(404, 'not_found', '老人档案不存在');
    res.json(elder);
  });

  app.post('/elders', async (req, res) => {
    const fields = parseElder(req.body, ctx.now());
    const created = await store.insert(fields);
    if (!created) {
      const elderId = await store.holderOf(fields.idCard);
      throw new AgingError(409, 'duplicate', '该老人已登记，请勿重复登记', { elderId });
    }
    ctx.counters.add('applied');
    res.status(201).json(created);
  });

  app.put('/elders/:elderId', async (req, res) => {
    const current = await store.get(req.params.elderId);
    if (!current) throw new AgingError(404, 'not_found', '老人档案不存在');
    const body = req.body as Record<string, unknown> | undefined;
    if (body?.elderId !== undefined && body.elderId !== current.elderId)
      throw new AgingError(400, 'bad_request', '路径与请求体中的老人编号不一致');
    const updated = await store.replace(current.elderId, parseElder(body, ctx.now(), current));
    ctx.counters.add('applied');
    res.json(updated);
  });

  app.use(() => {
    throw new AgingError(404, 'not_found', '接口不存在');
  });

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof AgingError) {
      if (error.status === 401) ctx.counters.add('unauthorized');
      else if (error.status === 409) ctx.counters.add('duplicatesRefused');
      else if (error.status === 422) ctx.counters.add('rejected');
      res.status(error.status).json({ error: error.error, message: error.message, ...error.extra });
      return;
    }
    const status = (error as { status?: number }).status;
    if (status === 400 || status === 413) {
      res.status(status).json({ error: 'bad_request', message: '请求体格式错误' });
      return;
    }
    console.error('aging-services:', error);
    res.status(500).json({ error: 'internal_error', message: '系统内部错误' });
  });
  return app;
}
