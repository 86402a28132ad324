/**
 * 老龄办 养老服务信息系统: elder records over REST JSON with OAuth2 client-credentials bearer
 * tokens (10 minutes). Push: PUT known, POST new (keep the returned elderId); end: PUT with status
 * `deceased` or `moved`. Export: offset/limit pages. No change feed: the system is read-only for
 * reconciliation.
 */
import type { ResidentSnapshot, SubjectSnapshot } from '@hub/domain';
import {
  ConnectorError,
  httpCall,
  pagedItems,
  unwrapped,
  type Connector,
  type HttpResponse,
  type KnownRecord,
} from '../common';
import { agingError } from './aging-services.codes';
import { agingServicesExportReader } from './aging-services.export-reader';
import { agingEndStatus, toAgingElder } from './aging-services.mapping';
import { isAgingServicesRelevant } from './aging-services.relevance';
import { TokenSource } from './aging-services.token';
import type { AgingElder, AgingServicesOptions } from './aging-services.types';

export const AGING_SERVICES = 'aging-services';

/** The elderId a 409 `duplicate` reply names, if any. */
function duplicateHolder(res: HttpResponse): string | undefined {
  try {
    const body = res.json<{ error?: unknown; elderId?: unknown }>();
    const id = body?.error === 'duplicate' ? body.elderId : undefined;
    return typeof id === 'string' || typeof id === 'number' ? String(id) || undefined : undefined;
  } catch {
    return undefined;
  }
}

export function createAgingServicesConnector(options: AgingServicesOptions): Connector {
  const base = options.baseUrl.replace(/\/+$/, '');
  const pageSize = options.pageSize ?? 200;
  const tokens = new TokenSource({
    tokenUrl: `${base}/oauth/token`,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    timeoutMs: options.timeoutMs,
    renewBeforeMs: options.renewBeforeMs ?? 60_000,
  });

  /** A 401 means the token died early (the department's clock, a restart): renew once, not a failure. */
  async function call(method: string, path: string, payload?: unknown): Promise<HttpResponse> {
    const attempt = async () =>
      httpCall({
        method,
        url: `${base}${path}`,
        timeoutMs: options.timeoutMs,
        body: payload === undefined ? undefined : JSON.stringify(payload),
        headers: {
          Authorization: `Bearer ${await tokens.current()}`,
          Accept: 'application/json',
          ...(payload !== undefined && { 'Content-Type': 'application/json; charset=utf-8' }),
        },
      });
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConnectorError) || error.kind !== 'auth') throw error;
      tokens.forget();
      return attempt();
    }
  }

  /**
   * PUT replaces the whole record, so what the office entered and the hub does not hold (the
   * emergency contact) is read first and sent back unchanged rather than wiped.
   */
  async function put(elderId: string, elder: AgingElder): Promise<void> {
    const path = `/elders/${encodeURIComponent(elderId)}`;
    const current = await call('GET', path);
    const held = current.status === 200 ? unwrapped(current.json()).emergencyContact : undefined;
    const body = held ? { ...elder, emergencyContact: held } : elder;
    const res = await call('PUT', path, body);
    if (res.status >= 300) throw agingError(res);
  }

  const resident = (subject: SubjectSnapshot): ResidentSnapshot => {
    if (subject.type !== 'resident') throw new ConnectorError('invalid', `${AGING_SERVICES} takes residents`);
    return subject;
  };

  async function* elders(): AsyncGenerator<Record<string, unknown>> {
    for (let offset = 0; ; offset += pageSize) {
      const res = await call('GET', `/elders?offset=${offset}&limit=${pageSize}`);
      if (res.status >= 300) throw agingError(res);
      const items = pagedItems(res.json());
      yield* items;
      if (items.length < pageSize) return;
    }
  }

  async function findElderId(idNumber: string | null): Promise<string | null> {
    if (!idNumber) return null;
    for await (const elder of elders()) {
      if (agingServicesExportReader.identify(elder).idNumber === idNumber) return String(elder.elderId);
    }
    return null;
  }

  return {
    slug: AGING_SERVICES,
    keyedByIdNumber: true,
    mode: 'online',
    relevant: isAgingServicesRelevant,
    map: (subject, on) => ({ ...toAgingElder(resident(subject), on, 'active') }),

    async push(subject, known: KnownRecord | null, on) {
      const elder = toAgingElder(resident(subject), on, 'active');
      if (known?.externalId) {
        await put(known.externalId, elder);
        return { externalId: known.externalId };
      }
      const res = await call('POST', '/elders', elder);
      // Already registered (an earlier POST whose reply the hub never recorded): the 409 names the
      // elder, who is updated instead of being refused for good.
      const holder = res.status === 409 ? duplicateHolder(res) : undefined;
      if (holder) {
        await put(holder, elder);
        return { externalId: holder };
      }
      if (res.status >= 300) throw agingError(res);
      const elderId = unwrapped(res.json()).elderId;
      if ((typeof elderId !== 'string' && typeof elderId !== 'number') || elderId === '') {
        throw new ConnectorError('invalid', 'the department created the elder but sent no elderId');
      }
      return { externalId: String(elderId) };
    },

    async end(subject, known, on) {
      const person = resident(subject);
      // No id known: a registration whose answer was lost (a crash after the department applied
      // it). The system has no lookup by ID number, so its roster is searched — a rare path.
      const elderId = known?.externalId ?? (await findElderId(person.idNumber));
      if (!elderId) return;
      await put(elderId, toAgingElder(person, on, agingEndStatus(person)));
    },

    async *exportAll() {
      yield* elders();
    },

    exportReader: agingServicesExportReader,
  };
}
