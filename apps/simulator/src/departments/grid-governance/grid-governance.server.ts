import type { ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { RateLimit, type SimContext } from '../../framework';
import { decodePageToken, encodePageToken, type GridStore } from './grid-governance.storage';
import { GridError, ItemError, type ItemResult } from './grid-governance.types';
import { readHouseItem, readPersonItem } from './grid-governance.validation';

/** The API token the platform issued to the hub. */
export const GRID_TOKEN = 'hub-grid-token';
export const MAX_BATCH = 100;
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 500;

export function sendGridError(
  res: ServerResponse,
  error: GridError,
  headers: Record<string, string> = {},
): void {
  res.writeHead(error.httpStatus, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(
    JSON.stringify({ error: { code: error.httpStatus, status: error.status, message: error.message } }),
  );
}

function sizeParam(value: unknown): number {
  if (value === undefined || value === '') return DEFAULT_PAGE_SIZE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE)
    throw new GridError(400, 'INVALID_ARGUMENT', `pageSize 无效（1 到 ${MAX_PAGE_SIZE}）`);
  return n;
}

function itemsOf(body: unknown): unknown[] {
  const items = (body as { items?: unknown } | undefined)?.items;
  if (!Array.isArray(items) || items.length === 0)
    throw new GridError(400, 'INVALID_ARGUMENT', 'items 必须是非空数组');
  if (items.length > MAX_BATCH)
    throw new GridError(400, 'INVALID_ARGUMENT', `单次最多提交${MAX_BATCH}条记录，本次${items.length}条`);
  return items;
}

/** The grid platform's v2 API: batch upserts, token-paged exports and the event log. */
export function gridGovernanceApp(ctx: SimContext, store: GridStore): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const limit = new RateLimit(5);

  app.use((req, res, next) => {
    if (req.header('authorization') !== `Bearer ${GRID_TOKEN}`) {
      ctx.counters.add('authRefused');
      sendGridError(res, new GridError(401, 'UNAUTHENTICATED', '访问令牌无效或缺失'), {
        'www-authenticate': 'Bearer',
      });
      return;
    }
    // The platform's gateway: more than 5 calls a second are turned away (only with realism on).
    if (ctx.realism && !limit.take()) {
      ctx.counters.add('rateLimited');
      sendGridError(res, new GridError(429, 'RESOURCE_EXHAUSTED', '请求过于频繁，请稍后再试'), {
        'retry-after': String(limit.retryAfterSeconds()),
      });
      return;
    }
    next();
  });
  app.use(express.json({ limit: '5mb' }));

  /** Applies a batch and answers per item; counts each item's outcome. */
  const batch =
    <T>(
      read: (item: unknown) => T,
      apply: (client: Parameters<Parameters<GridStore['batch']>[1]>[0], item: T) => Promise<ItemResult>,
    ) =>
    async (req: Request, res: Response) => {
      const items = itemsOf(req.body);
      const outcomes = await store.batch(items, async (client, item, index) => ({
        ...(await apply(client, read(item))),
        index,
      }));
      const results: ItemResult[] = outcomes.map((o, index) => {
        if (!(o instanceof ItemError)) return o;
        ctx.counters.add(o.duplicate ? 'duplicatesRefused' : 'rejected');
        return { index, ok: false, reason: o.message };
      });
      ctx.counters.add('applied', results.filter((r) => r.ok).length);
      res.json({
        results,
        succeeded: results.filter((r) => r.ok).length,
        failed: results.filter((r) => !r.ok).length,
      });
    };

  app.post(
    /^\/api\/v2\/persons:batchUpsert$/,
    batch(readPersonItem, async (client, item) => {
      const { person, created } = await store.upsertPerson(client, item);
      return { index: 0, ok: true, created, personId: person.personId };
    }),
  );
  app.post(
    /^\/api\/v2\/houses:batchUpsert$/,
    batch(readHouseItem, async (client, item) => {
      const { house, created } = await store.upsertHouse(client, item);
      return { index: 0, ok: true, created, houseId: house.houseId };
    }),
  );

  for (const kind of ['person', 'house'] as const)
    app.get(`/api/v2/${kind}s`, async (req, res) => {
      const query = req.query as Record<string, string | undefined>;
      const after = query.pageToken ? decodePageToken(query.pageToken).after : 0;
      const page = await store.page(kind, after, sizeParam(query.pageSize));
      res.json({
        [`${kind}s`]: page.items,
        nextPageToken: page.more && page.last !== undefined ? encodePageToken({ after: page.last }) : '',
      });
    });

  app.get('/api/v2/events', async (req, res) => {
    const query = req.query as Record<string, string | undefined>;
    const after = query.after ?? '0';
    if (!/^\d+$/.test(after)) throw new GridError(400, 'INVALID_ARGUMENT', 'after 必须是事件编号');
    const events = await store.eventsAfter(Number(after), sizeParam(query.pageSize));
    res.json({ events, nextAfter: events.at(-1)?.eventId ?? after });
  });

  app.use(() => {
    throw new GridError(404, 'NOT_FOUND', '接口不存在');
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof GridError) return sendGridError(res, error);
    if ((error as { type?: string }).type === 'entity.parse.failed')
      return sendGridError(res, new GridError(400, 'INVALID_ARGUMENT', '请求体不是合法的 JSON'));
    console.error('grid-governance:', error);
    sendGridError(res, new GridError(500, 'INTERNAL', '系统内部错误'));
  });
  return app;
}
