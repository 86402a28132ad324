import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import express, { type Request, type Response } from 'express';
import { readBody, type SimContext } from '../../framework';
import { gbk, parseGbkForm, toGbkCsv } from './employment.gbk';
import { end, save } from './employment.registry';
import type { EmploymentStore } from './employment.storage';
import { EXPORT_COLUMNS, Refusal } from './employment.types';

export interface Credentials {
  username: string;
  password: string;
}

const IDLE_MS = 15 * 60_000;
const COOKIE = 'JSESSIONID';

function sendGbk(res: ServerResponse, status: number, type: string, text: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=GBK` });
  res.end(gbk(text));
}

const page = (title: string, body: string): string =>
  `<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"><title>${title}</title></head>` +
  `<body>${body}</body></html>`;

/** The login form every page answers with when there is no live session. */
export function sendLoginForm(res: ServerResponse, notice = ''): void {
  sendGbk(
    res,
    200,
    'text/html',
    page(
      '就业创业管理信息系统 - 用户登录',
      (notice ? `<div class="error">${notice}</div>` : '') +
        '<form name="loginForm" method="post" action="/jy/login.do">用户名：<input name="username"/>' +
        '密码：<input type="password" name="password"/><input type="submit" value="登录"/></form>',
    ),
  );
}

export function sendFailure(res: ServerResponse): void {
  sendGbk(res, 500, 'text/html', page('系统错误', '<h1>HTTP Status 500</h1><p>系统繁忙，请稍后再试</p>'));
}

const cookieOf = (req: Request): string | undefined =>
  /(?:^|;\s*)JSESSIONID=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];

/** 就业创业管理信息系统: GBK form posts behind a login session, replies in GBK text. */
export function employmentServer(
  ctx: SimContext,
  store: EmploymentStore,
  credentials: Credentials,
): express.Express {
  const app = express();
  /** Session id → last use, by the department clock (sessions live in memory, as in the real system). */
  const sessions = new Map<string, number>();

  app.get('/jy/login.do', (_req, res) => sendLoginForm(res));
  app.post('/jy/login.do', async (req, res) => {
    const form = parseGbkForm(await readBody(req));
    if (form.username !== credentials.username || form.password !== credentials.password) {
      sendLoginForm(res, '用户名或密码错误');
      return;
    }
    const id = randomBytes(16).toString('hex').toUpperCase();
    sessions.set(id, ctx.now().getTime());
    res.setHeader('set-cookie', `${COOKIE}=${id}; Path=/jy; HttpOnly`);
    sendGbk(res, 200, 'text/html', page('就业创业管理信息系统', '<p>登录成功</p>'));
  });

  /** Every other page needs a session used within the last 15 minutes. */
  const loggedIn = (req: Request, res: Response, next: () => void): void => {
    const id = cookieOf(req);
    const lastUse = id ? sessions.get(id) : undefined;
    const now = ctx.now().getTime();
    if (!id || lastUse === undefined || now - lastUse > IDLE_MS) {
      if (id) sessions.delete(id);
      sendLoginForm(res, lastUse === undefined ? '请先登录' : '会话已超时，请重新登录');
      return;
    }
    sessions.set(id, now);
    next();
  };

  app.post('/jy/ryxx.do', loggedIn, async (req, res) => {
    const form = parseGbkForm(await readBody(req));
    try {
      if (form.action !== 'save' && form.action !== 'end') throw new Refusal('操作类型不正确');
      const person = form.action === 'save' ? await save(ctx, store, form) : await end(store, form);
      ctx.counters.add('applied');
      sendGbk(res, 200, 'text/plain', `0|成功|${person.jyrybh}`);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      ctx.counters.add('rejected');
      if (error.duplicate) ctx.counters.add('duplicatesRefused');
      sendGbk(res, 200, 'text/plain', `1|${error.message}`);
    }
  });

  app.get('/jy/export.do', loggedIn, async (req, res) => {
    const since = typeof req.query.since === 'string' ? req.query.since.trim() : undefined;
    if (since !== undefined && !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(since)) {
      sendGbk(res, 200, 'text/plain', '1|时间格式不正确，应为yyyy-MM-dd HH:mm:ss');
      return;
    }
    const { rows, at } = await store.exportRows(since);
    const csv = toGbkCsv(
      EXPORT_COLUMNS.map(([title]) => title),
      rows.map((person) => EXPORT_COLUMNS.map(([, field]) => person[field])),
    );
    // The department's own time of this answer: the `since` for the next call.
    res.writeHead(200, {
      'content-type': 'text/csv; charset=GBK',
      'content-disposition': 'attachment; filename="jyry.csv"',
      date: at.toUTCString(),
    });
    res.end(csv);
  });

  app.use((_req: Request, res: Response) => sendGbk(res, 404, 'text/html', page('404', '页面不存在')));
  return app;
}
