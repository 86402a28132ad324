import type { ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { SimContext } from '../../framework';
import { addRevision, revisionsOf, sameFigures } from './statistics.storage';
import type { ReportRevision } from './statistics.types';
import { checkSubmission, deadlineOf, deadlineText } from './statistics.validation';

const TOKEN = 'hub-stats-token';

/** The platform's error body: a code, a Chinese message and, for a bad figure, the field. */
const fail = (res: Response, status: number, code: string, message: string, extra: object = {}): void => {
  res.status(status).json({ code, message, ...extra });
};

export function failure(res: ServerResponse): void {
  res.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ code: 'SYSTEM_BUSY', message: '统计联网直报平台繁忙，请稍后再试' }));
}

/** The latest revision with the whole history: what the platform shows for one report. */
const withHistory = (revisions: ReportRevision[]) => ({
  ...revisions[revisions.length - 1],
  history: revisions.map(({ reportNo: _no, communityCode: _code, period: _period, ...rest }) => rest),
});

/** 统计局 统计联网直报平台: monthly 社区基本情况统计表 per community, with revisions until the deadline. */
export function statisticsApp(ctx: SimContext): express.Express {
  const app = express();
  app.use('/api', (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.authorization === `Bearer ${TOKEN}`) {
      next();
      return;
    }
    res.set('WWW-Authenticate', 'Bearer realm="tjzb"');
    fail(res, 401, 'UNAUTHORIZED', '访问令牌无效或缺失');
  });
  app.use(express.json({ limit: '100kb' }));

  app.post('/api/report/submit', async (req, res) => {
    const checked = checkSubmission(req.body, ctx.now());
    if (!checked.ok) {
      ctx.counters.add('rejected');
      fail(res, 422, 'VALIDATION_FAILED', checked.message, { field: checked.field });
      return;
    }
    const { report } = checked;
    const client = await ctx.db.connect();
    try {
      await client.query('BEGIN');
      // Two submissions of one report at once must not both become revision n+1.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `${report.communityCode}/${report.period}`,
      ]);
      const previous = (await revisionsOf(ctx, report, client)).pop();
      if (previous && ctx.now() >= deadlineOf(report.period)) {
        await client.query('ROLLBACK');
        ctx.counters.add('rejected');
        fail(
          res,
          409,
          'DEADLINE_PASSED',
          `${report.period}期报表已超过报送截止时间（${deadlineText(report.period)}），不能再修改`,
          { reportNo: previous.reportNo, revision: previous.revision },
        );
        return;
      }
      // The same figures again (a retry): the platform keeps the revision it has.
      if (previous && sameFigures(previous, report)) {
        await client.query('ROLLBACK');
        ctx.counters.add('duplicatesRefused');
        res.json({ reportNo: previous.reportNo, revision: previous.revision });
        return;
      }
      const saved = await addRevision(ctx, client, report, previous);
      await client.query('COMMIT');
      ctx.counters.add('applied');
      res.json(saved);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });

  app.get('/api/report/:reportNo', async (req, res) => {
    const revisions = await revisionsOf(ctx, { reportNo: String(req.params.reportNo) });
    if (revisions.length === 0) fail(res, 404, 'NOT_FOUND', '报表不存在');
    else res.json(withHistory(revisions));
  });

  app.get('/api/report', async (req, res) => {
    const { communityCode, period } = req.query;
    if (typeof communityCode !== 'string' || typeof period !== 'string') {
      fail(res, 400, 'BAD_REQUEST', '请提供communityCode和period参数');
      return;
    }
    const revisions = await revisionsOf(ctx, { communityCode, period });
    if (revisions.length === 0) fail(res, 404, 'NOT_FOUND', '该社区该报告期尚未报送');
    else res.json(withHistory(revisions));
  });

  app.use((_req: Request, res: Response) => fail(res, 404, 'NOT_FOUND', '接口不存在'));
  app.use((error: { type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (error.type === 'entity.parse.failed') fail(res, 400, 'BAD_REQUEST', '请求体不是有效的JSON');
    else fail(res, 500, 'INTERNAL_ERROR', '平台内部错误');
  });
  return app;
}
