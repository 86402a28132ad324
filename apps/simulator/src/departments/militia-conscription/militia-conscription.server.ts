import { timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import type { SimContext } from '../../framework';
import { findEntry, listEntries, remove, upsert } from './militia-conscription.storage';
import { ALL_COMMUNITIES } from './militia-conscription.types';
import { checkRow } from './militia-conscription.validation';
import { readRoster, writeRoster } from './militia-conscription.workbook';

const USER = 'hub';
const PASSWORD = 'hub-militia-secret';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The registration year is the department's calendar year (Asia/Shanghai). */
export const registrationYear = (ctx: SimContext): number =>
  new Date(ctx.now().getTime() + 8 * 3600_000).getUTCFullYear();

const same = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function basicAuth(req: Request, res: Response, next: NextFunction): void {
  const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
  const [user, password] = Buffer.from(encoded ?? '', 'base64')
    .toString('utf8')
    .split(/:(.*)/s);
  if (scheme?.toLowerCase() === 'basic' && same(user ?? '', USER) && same(password ?? '', PASSWORD)) {
    next();
    return;
  }
  res
    .status(401)
    .set('WWW-Authenticate', 'Basic realm="byd", charset="UTF-8"')
    .json({ message: '身份认证失败：用户名或密码错误' });
}

/** The system's own answer to a failure it could not handle. */
export function failure(res: ServerResponse): void {
  res.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ message: '兵役登记系统繁忙，请稍后再试' }));
}

/** 人武部 兵役登记信息系统: roster upload and export in the department's Excel template. */
export function militiaApp(ctx: SimContext): express.Express {
  const app = express();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 5 * 1024 * 1024, files: 1 } });
  app.use('/byd', basicAuth);

  app.post('/byd/roster/upload', upload.single('file'), async (req, res) => {
    if (!req.file) {
      res.status(400).json({ message: '请以multipart字段file上传兵役登记花名册' });
      return;
    }
    const roster = await readRoster(req.file.buffer);
    if (!roster.ok) {
      res.status(400).json({ message: roster.message });
      return;
    }
    const year = registrationYear(ctx);
    const rejected: Array<{ row: number; reason: string }> = [];
    let accepted = 0;
    const client = await ctx.db.connect();
    try {
      await client.query('BEGIN');
      for (const row of roster.rows) {
        const checked = checkRow(row, year);
        if (!checked.ok) {
          rejected.push({ row: row.row, reason: checked.reason });
          ctx.counters.add('rejected');
          continue;
        }
        const { entry } = checked;
        const held = await findEntry(ctx, client, entry.公民身份号码);
        if (entry.登记类型 === '初次登记' && held) {
          rejected.push({ row: row.row, reason: '该公民已进行兵役登记，请使用变更登记' });
          ctx.counters.add('duplicatesRefused');
          continue;
        }
        if (entry.登记类型 !== '初次登记' && !held) {
          rejected.push({ row: row.row, reason: '未找到该公民的兵役登记信息' });
          ctx.counters.add('rejected');
          continue;
        }
        if (entry.登记类型 === '注销登记') await remove(ctx, client, entry.公民身份号码);
        else await upsert(ctx, client, { ...entry, 社区: roster.community });
        accepted++;
        ctx.counters.add('applied');
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    res.json({ accepted, rejected });
  });

  app.get('/byd/roster/export', async (req, res) => {
    const yearParam = typeof req.query.year === 'string' ? req.query.year : undefined;
    const community =
      typeof req.query.community === 'string' && req.query.community ? req.query.community : undefined;
    if (yearParam !== undefined && !/^\d{4}$/.test(yearParam)) {
      res.status(400).json({ message: '年度参数year应为四位年份' });
      return;
    }
    const year = yearParam ? Number(yearParam) : registrationYear(ctx);
    const entries = await listEntries(ctx, { year, community });
    const file = await writeRoster(community ?? ALL_COMMUNITIES, entries);
    const name = encodeURIComponent(`${community ?? ALL_COMMUNITIES}兵役登记花名册${year}.xlsx`);
    res
      .set({ 'content-type': XLSX, 'content-disposition': `attachment; filename*=UTF-8''${name}` })
      .send(file);
  });

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ message: '请求的地址不存在' });
  });
  // Multer's own errors (a second file, a wrong field name, too large) are the uploader's fault.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof multer.MulterError)
      res.status(400).json({ message: `上传文件错误：${error.message}` });
    else res.status(500).json({ message: '兵役登记系统内部错误' });
  });
  return app;
}
