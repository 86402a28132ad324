import type { ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { sendJson, type SimContext } from '../../framework';
import { fromGbkCsv, toGbkCsv } from './social-insurance.csv';
import type { InsuranceStore } from './social-insurance.storage';
import { ROSTER_COLUMNS, UPLOAD_COLUMNS } from './social-insurance.types';

export interface Credentials {
  username: string;
  password: string;
}

/** Local times `HH:mm`; the window may run over midnight; start = end means always open. */
export interface UploadWindow {
  start: string;
  end: string;
}

export function sendFailure(res: ServerResponse): void {
  sendJson(res, 503, { message: '系统繁忙，请稍后再试' });
}

export function insideWindow(at: Date, window: UploadWindow): boolean {
  const time = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
  if (window.start === window.end) return true;
  return window.start < window.end
    ? time >= window.start && time < window.end
    : time >= window.start || time < window.end;
}

function sendCsv(res: Response, file: Buffer, name: string): void {
  res.writeHead(200, {
    'content-type': 'text/csv; charset=GBK',
    'content-disposition': `attachment; filename="${name}"`,
  });
  res.end(file);
}

/** 城乡居民养老保险系统 batch interface: basic auth, GBK CSV in and out. */
export function insuranceServer(
  ctx: SimContext,
  store: InsuranceStore,
  credentials: Credentials,
  window: () => UploadWindow,
): express.Express {
  const app = express();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 20 * 1024 * 1024 } });
  const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.headers.authorization === expected) return next();
    res.setHeader('www-authenticate', 'Basic realm="cxjmylbx", charset="UTF-8"');
    sendJson(res, 401, { message: '认证失败：用户名或密码错误' });
  });

  app.post('/batch/upload', (req, res, next) => {
    if (!insideWindow(ctx.now(), window())) {
      sendJson(res, 403, { message: '不在批量上传时间窗口内' });
      return;
    }
    next();
  });
  app.post('/batch/upload', upload.single('file'), async (req, res) => {
    if (!req.file) {
      sendJson(res, 400, { message: '请上传批量文件(file)' });
      return;
    }
    const { header } = fromGbkCsv(req.file.buffer);
    if (header.join(',') !== UPLOAD_COLUMNS.join(',')) {
      sendJson(res, 400, { message: `文件格式错误：表头应为 ${UPLOAD_COLUMNS.join(',')}` });
      return;
    }
    const delayMs = ctx.realism ? 5000 + Math.random() * 10_000 : 1000 + Math.random() * 2000;
    sendJson(res, 200, { batchNo: await store.addBatch(req.file.buffer, delayMs) });
  });

  app.get('/batch/export', async (_req, res) => {
    const roster = await store.roster();
    sendCsv(
      res,
      toGbkCsv(
        ROSTER_COLUMNS,
        roster.map((r) => ROSTER_COLUMNS.map((c) => r[c])),
      ),
      'cbry.csv',
    );
  });

  app.get('/batch/:batchNo/result', async (req, res) => {
    const result = await store.result(String(req.params.batchNo));
    if (!result) sendJson(res, 404, { message: '批次结果尚未生成或批次不存在' });
    else sendCsv(res, result, `${String(req.params.batchNo)}.csv`);
  });

  app.use((_req: Request, res: Response) => sendJson(res, 404, { message: '接口不存在' }));
  return app;
}
