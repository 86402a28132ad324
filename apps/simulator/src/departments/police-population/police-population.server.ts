import type { ServerResponse } from 'node:http';
import express, { type Request } from 'express';
import { listen } from 'soap';
import { RateLimit, realisticDelay, type SimContext } from '../../framework';
import { saveRyxx, zxRyxx } from './police-population.registry';
import { changedSince, page } from './police-population.storage';
import { BusinessError, OK, type Ry } from './police-population.types';
import { SERVICE_PATH, wsdl } from './police-population.wsdl';

export interface Credentials {
  username: string;
  password: string;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A SOAP 1.1 fault written by hand, for answers given before the SOAP layer runs. */
export function sendFault(res: ServerResponse, faultcode: string, faultstring: string): void {
  res.writeHead(500, { 'content-type': 'text/xml; charset=utf-8' });
  res.end(
    '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
      `<soap:Body><soap:Fault><faultcode>${faultcode}</faultcode><faultstring>${escapeXml(faultstring)}</faultstring>` +
      '</soap:Fault></soap:Body></soap:Envelope>',
  );
}

/** Rejecting with this makes the soap library answer a SOAP fault (it looks for `Fault`). */
class SoapFault extends Error {
  readonly Fault: { faultcode: string; faultstring: string; statusCode: number };

  constructor(faultcode: string, faultstring: string) {
    super(faultstring);
    this.Fault = { faultcode, faultstring, statusCode: 500 };
  }
}

interface UsernameToken {
  Username?: unknown;
  Password?: unknown;
}

/** The parsed Password element is a string, or `{ $value, attributes: { Type } }` when typed. */
function text(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '$value' in value) return String(value.$value);
  return '';
}

function passwordType(value: unknown): string {
  const attributes = (value as { attributes?: { Type?: string } } | undefined)?.attributes;
  return attributes?.Type ?? '';
}

function authenticate(headers: unknown, credentials: Credentials): void {
  const token = (headers as { Security?: { UsernameToken?: UsernameToken } } | undefined)?.Security
    ?.UsernameToken;
  if (!token) throw new SoapFault('soap:Client', 'E401 缺少WS-Security用户名令牌');
  // Plain UsernameToken only: a digest is refused like a wrong password.
  if (passwordType(token.Password).endsWith('#PasswordDigest')) {
    throw new SoapFault('soap:Client', 'E401 认证失败：仅支持明文口令(PasswordText)');
  }
  if (text(token.Username) !== credentials.username || text(token.Password) !== credentials.password) {
    throw new SoapFault('soap:Client', 'E401 认证失败：用户名或密码错误');
  }
}

const SINCE = /^\d{14}$/;

/** The 实有人口管理系统 web service: SOAP 1.1 over UTF-8, WSDL at `?wsdl`. */
export async function policeServer(ctx: SimContext, credentials: Credentials): Promise<express.Express> {
  const app = express();
  const limit = new RateLimit(5);

  app.use(SERVICE_PATH, async (req: Request, res, next) => {
    if (req.method === 'GET' && 'wsdl' in (req.query as object)) {
      // The address in the WSDL is where the caller reached us (ports are chosen at start-up).
      res
        .type('text/xml; charset=utf-8')
        .send(wsdl(`http://${req.headers.host ?? '127.0.0.1'}${SERVICE_PATH}`));
      return;
    }
    if (req.method === 'POST' && ctx.realism) {
      if (!limit.take()) {
        sendFault(res, 'soap:Server', 'E429 请求过于频繁');
        return;
      }
      await realisticDelay(true, 150, 400);
    }
    next();
  });

  /** Business outcomes as HTTP 200 `<code>`/`<message>`; auth and malformed calls as faults. */
  const operation =
    <A>(work: (args: A) => Promise<Record<string, unknown>>) =>
    async (args: A, _callback: unknown, headers: unknown): Promise<Record<string, unknown>> => {
      authenticate(headers, credentials);
      try {
        return { ...OK, ...(await work(args ?? ({} as A))) };
      } catch (error) {
        if (!(error instanceof BusinessError)) throw error;
        ctx.counters.add('rejected');
        if (error.duplicate) ctx.counters.add('duplicatesRefused');
        return { code: error.code, message: error.message };
      }
    };

  const services = {
    RkxxService: {
      RkxxPort: {
        SaveRyxx: operation(async (args: { RY?: Partial<Ry> }) => {
          const saved = await saveRyxx(ctx, args.RY ?? {});
          ctx.counters.add('applied');
          return { RYBH: saved.RYBH };
        }),
        ZxRyxx: operation(async (args: { RYBH?: string; GMSFHM?: string; ZT?: string }) => {
          const ended = await zxRyxx(ctx, args);
          ctx.counters.add('applied');
          return { RYBH: ended.RYBH };
        }),
        QueryRyxx: operation(async (args: { pageNo?: unknown; pageSize?: unknown }) => {
          const pageNo = Number(args.pageNo ?? 1);
          const pageSize = Number(args.pageSize ?? 100);
          if (!Number.isInteger(pageNo) || pageNo < 1) throw new BusinessError('E105', '页码错误');
          if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
            throw new BusinessError('E110', '每页记录数须在1至1000之间');
          }
          const { total, rows } = await page(ctx, pageNo, pageSize);
          return { total, pageNo, pageSize, RY: rows };
        }),
        QueryBgxx: operation(async (args: { since?: unknown }) => {
          const since = String(args.since ?? '').trim();
          if (!SINCE.test(since)) throw new BusinessError('E111', '时间格式错误，应为yyyyMMddHHmmss');
          return { RY: await changedSince(ctx, since) };
        }),
      },
    },
  };

  await new Promise<void>((resolve, reject) => {
    listen(app, {
      path: SERVICE_PATH,
      services,
      xml: wsdl(`http://127.0.0.1${SERVICE_PATH}`),
      suppressStack: true,
      callback: (err: unknown) =>
        err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(),
    });
  });
  return app;
}
