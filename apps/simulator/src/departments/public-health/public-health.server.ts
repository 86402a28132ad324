import express, { type NextFunction, type Request, type Response } from 'express';
import type { SimContext } from '../../framework';
import type { PatientStore } from './public-health.storage';
import {
  FHIR_JSON,
  FhirError,
  operationOutcome,
  RESIDENT_ID_SYSTEM,
  type OperationOutcome,
  type Patient,
} from './public-health.types';
import { validatePatient } from './public-health.validation';

/** The API token the archive system issued to the hub. */
export const PUBLIC_HEALTH_TOKEN = 'hub-health-token';
const DEFAULT_COUNT = 100;
const MAX_COUNT = 1000;

function sendFhir(res: Response, status: number, body: Patient | OperationOutcome | object): void {
  res.status(status).type(FHIR_JSON).send(JSON.stringify(body));
}

function sendPatient(res: Response, status: number, patient: Patient): void {
  res.setHeader('ETag', `W/"${patient.meta.versionId}"`);
  res.setHeader('Last-Modified', new Date(patient.meta.lastUpdated).toUTCString());
  sendFhir(res, status, patient);
}

function intParam(value: unknown, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new FhirError(400, 'invalid', `参数 ${name} 无效（应为 0 到 ${max} 之间的整数）`);
  return n;
}

/** `gt2024-05-01T08:00:00.000Z` (also `ge`); a '+' offset that arrived as a space is restored. */
function lastUpdatedParam(value: string): { after: Date; inclusive: boolean } {
  const match = /^(gt|ge)(\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+ -]\d{2}:\d{2})?)?)$/.exec(value);
  const at = match ? new Date(match[2].replace(' ', '+')) : undefined;
  if (!match || !at || Number.isNaN(at.getTime()))
    throw new FhirError(
      400,
      'invalid',
      '参数 _lastUpdated 无效（应为 gt 或 ge 加 FHIR 时间，如 gt2024-05-01T08:00:00Z）',
    );
  return { after: at, inclusive: match[1] === 'ge' };
}

/** `W/"3"` (a strong `"3"` is accepted too); undefined when absent. */
function expectedVersion(req: Request): string | undefined {
  const header = req.header('if-match');
  if (header === undefined) return undefined;
  const match = /^(W\/)?"(\d+)"$/.exec(header.trim());
  if (!match) throw new FhirError(400, 'invalid', `If-Match 格式错误: ${header}（应为 W/"版本号"）`);
  return match[2];
}

function searchset(base: string, total: number, patients: Patient[], self: string, next?: string): object {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link: [{ relation: 'self', url: self }, ...(next ? [{ relation: 'next', url: next }] : [])],
    entry: patients.map((resource) => ({
      fullUrl: `${base}/fhir/Patient/${resource.id}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}

/** The archive system's FHIR endpoint: /fhir/Patient read, search, create, version-aware update. */
export function publicHealthApp(ctx: SimContext, store: PatientStore): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const today = () => ctx.now().toISOString().slice(0, 10);
  const baseOf = (req: Request) => `http://${req.header('host') ?? 'localhost'}`;

  app.use((req, res, next) => {
    if (req.header('authorization') === `Bearer ${PUBLIC_HEALTH_TOKEN}`) return next();
    res.setHeader('WWW-Authenticate', 'Bearer realm="fhir"');
    sendFhir(res, 401, operationOutcome('login', '访问令牌缺失或无效'));
  });
  app.use(express.json({ type: ['application/fhir+json', 'application/json'], limit: '5mb' }));
  const requireFhirBody = (req: Request) => {
    if (!req.is(['application/fhir+json', 'application/json']))
      throw new FhirError(415, 'not-supported', '请求内容类型必须是 application/fhir+json');
  };

  app.get('/fhir/Patient', async (req, res) => {
    const query = req.query as Record<string, string | undefined>;
    const count = intParam(query._count, '_count', DEFAULT_COUNT, MAX_COUNT);
    const base = baseOf(req);
    if (query.identifier !== undefined) {
      const [system, value] = query.identifier.includes('|')
        ? query.identifier.split('|')
        : ['', query.identifier];
      if (system && system !== RESIDENT_ID_SYSTEM)
        throw new FhirError(400, 'invalid', `不支持的标识体系: ${system}`);
      const found = await store.findByResidentId(value);
      sendFhir(res, 200, searchset(base, found.length, found, `${base}${req.originalUrl}`));
      return;
    }
    if (query._lastUpdated !== undefined) {
      // Paged by moving the instant forward, not by offset: changes made meanwhile are never skipped.
      const { after, inclusive } = lastUpdatedParam(query._lastUpdated);
      const { total, patients } = await store.changedSince(after, inclusive, count);
      const last = patients.at(-1);
      const next =
        last && total > patients.length
          ? `${base}/fhir/Patient?_lastUpdated=gt${last.meta.lastUpdated}&_count=${count}`
          : undefined;
      sendFhir(res, 200, searchset(base, total, patients, `${base}${req.originalUrl}`, next));
      return;
    }
    const offset = intParam(query._offset, '_offset', 0);
    const { total, patients } = await store.page(offset, count);
    const next =
      count > 0 && offset + patients.length < total
        ? `${base}/fhir/Patient?_count=${count}&_offset=${offset + patients.length}`
        : undefined;
    sendFhir(
      res,
      200,
      searchset(base, total, patients, `${base}/fhir/Patient?_count=${count}&_offset=${offset}`, next),
    );
  });

  app.get('/fhir/Patient/:id', async (req, res) => {
    const patient = await store.get(String(req.params.id));
    if (!patient) throw new FhirError(404, 'not-found', `健康档案 ${String(req.params.id)} 不存在`);
    sendPatient(res, 200, patient);
  });

  app.post('/fhir/Patient', async (req, res) => {
    requireFhirBody(req);
    const patient = await store.create(validatePatient(req.body, today()));
    ctx.counters.add('applied');
    res.setHeader('Location', `${baseOf(req)}/fhir/Patient/${patient.id}/_history/${patient.meta.versionId}`);
    sendPatient(res, 201, patient);
  });

  app.put('/fhir/Patient/:id', async (req, res) => {
    requireFhirBody(req);
    const id = String(req.params.id);
    const version = expectedVersion(req);
    // Blind overwrites would lose changes made at the clinic: the version is required (RFC 6585).
    if (version === undefined)
      throw new FhirError(428, 'required', '更新健康档案必须携带 If-Match 版本号（W/"版本号"）');
    const body = req.body as { id?: unknown };
    if (body.id !== undefined && body.id !== id)
      throw new FhirError(400, 'invalid', `资源 id (${String(body.id)}) 与请求地址中的档案号 (${id}) 不一致`);
    const patient = await store.update(id, validatePatient(req.body, today()), version);
    ctx.counters.add('applied');
    sendPatient(res, 200, patient);
  });

  app.use((_req, _res) => {
    throw new FhirError(404, 'not-supported', '不支持的请求路径');
  });

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const fhir =
      error instanceof FhirError
        ? error
        : (error as { type?: string }).type === 'entity.parse.failed'
          ? new FhirError(400, 'invalid', '请求体不是合法的 JSON')
          : new FhirError(500, 'exception', '服务器内部错误');
    if (fhir.code === 'duplicate') ctx.counters.add('duplicatesRefused');
    else if (fhir.status === 412) ctx.counters.add('staleVersions');
    else if (req.method !== 'GET' && fhir.status >= 400 && fhir.status < 500) ctx.counters.add('rejected');
    if (fhir.status === 500) console.error('public-health:', error);
    sendFhir(res, fhir.status, operationOutcome(fhir.code, fhir.message));
  });
  return app;
}
