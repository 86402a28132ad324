import type { ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { sendJson, type SimContext } from '../../framework';
import { EnvelopeError, open, seal } from './justice-corrections.crypto';
import type { CorrectionStore } from './justice-corrections.storage';
import { JusticeError } from './justice-corrections.types';
import { readSavePayload } from './justice-corrections.validation';

const MAX_PAGE_SIZE = 500;

/** Every reply, refusals included, is a sealed envelope around `{ code, msg, data? }`. */
export function sealedReply(
  res: ServerResponse,
  now: Date,
  status: number,
  code: string,
  msg: string,
  data?: unknown,
): void {
  sendJson(res, status, seal(data === undefined ? { code, msg } : { code, msg, data }, now));
}

function pageNumber(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new JusticeError(400, 'E100', `参数 ${name} 无效`);
  return n;
}

/** The corrections system's API: three POST endpoints behind the SM4/HMAC-SM3 envelope. */
export function justiceCorrectionsApp(ctx: SimContext, store: CorrectionStore): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '5mb' }));
  /** Opens the envelope; the route gets the decrypted payload. */
  const route =
    (work: (payload: Record<string, unknown>) => Promise<{ msg: string; data: unknown }>) =>
    async (req: Request, res: Response) => {
      const payload = open(req.body, ctx.now());
      const input = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<
        string,
        unknown
      >;
      const { msg, data } = await work(input);
      sealedReply(res, ctx.now(), 200, '0000', msg, data);
    };

  app.post(
    '/api/sqjz/ryxx/save',
    route(async (payload) => {
      const { record, created } = await store.save(readSavePayload(payload));
      ctx.counters.add('applied');
      return { msg: created ? '新增成功' : '保存成功', data: record };
    }),
  );

  app.post(
    '/api/sqjz/ryxx/list',
    route(async (payload) => {
      const pageNo = Math.max(1, pageNumber(payload.pageNo, 'pageNo', 1, Number.MAX_SAFE_INTEGER));
      const pageSize = pageNumber(payload.pageSize, 'pageSize', 100, MAX_PAGE_SIZE) || 100;
      const { total, list } = await store.page(pageNo, pageSize);
      return { msg: '查询成功', data: { total, pageNo, pageSize, list } };
    }),
  );

  app.post(
    '/api/sqjz/ryxx/changes',
    route(async (payload) => {
      const cursor = pageNumber(payload.cursor, 'cursor', 0, Number.MAX_SAFE_INTEGER);
      const pageSize = pageNumber(payload.pageSize, 'pageSize', 100, MAX_PAGE_SIZE) || 100;
      // One more than asked tells whether another page follows.
      const rows = await store.changesAfter(cursor, pageSize + 1);
      const list = rows.slice(0, pageSize);
      return {
        msg: '查询成功',
        data: { list, nextCursor: list.at(-1)?.xh ?? cursor, hasMore: rows.length > pageSize },
      };
    }),
  );

  app.use(() => {
    throw new JusticeError(404, 'E404', '接口不存在');
  });

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof EnvelopeError) {
      if (error.kind === 'malformed') ctx.counters.add('rejected');
      else ctx.counters.add('authRefused');
      const [status, code] =
        error.kind === 'malformed' ? [400, 'E400'] : [401, error.kind === 'expired' ? 'E402' : 'E401'];
      sealedReply(res, ctx.now(), status, code, error.message);
      return;
    }
    if ((error as { type?: string }).type === 'entity.parse.failed') {
      ctx.counters.add('rejected');
      sealedReply(res, ctx.now(), 400, 'E400', '报文格式错误：请求体不是合法的 JSON');
      return;
    }
    if (error instanceof JusticeError) {
      if (error.code === 'E409') ctx.counters.add('duplicatesRefused');
      else ctx.counters.add('rejected');
      sealedReply(res, ctx.now(), error.status, error.code, error.message);
      return;
    }
    console.error('justice-corrections:', error);
    sealedReply(res, ctx.now(), 500, 'E500', '系统内部错误');
  });
  return app;
}
