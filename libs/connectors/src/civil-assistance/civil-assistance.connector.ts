/**
 * 民政局 社会救助(低保)信息系统: one signed REST JSON document per assisted household.
 * Push: POST new (keep the returned householdNo), PUT known; end: PUT with status `ended`.
 * Export: paged list. Changes: the department's own approvals, amount changes and terminations.
 */
import type { HouseholdSnapshot, SubjectSnapshot } from '@hub/domain';
import {
  ConnectorError,
  httpCall,
  pagedItems,
  unwrapped,
  type ChangePage,
  type Connector,
  type HttpResponse,
  type KnownRecord,
} from '../common';
import { civilError } from './civil-assistance.codes';
import { civilAssistanceExportReader } from './civil-assistance.export-reader';
import { civilAssistanceOf, civilChange, toCivilHousehold } from './civil-assistance.mapping';
import { isCivilAssistanceRelevant } from './civil-assistance.relevance';
import { signCivilRequest } from './civil-assistance.signing';
import type { CivilAssistanceOptions } from './civil-assistance.types';

export const CIVIL_ASSISTANCE = 'civil-assistance';

export function createCivilAssistanceConnector(options: CivilAssistanceOptions): Connector {
  const base = options.baseUrl.replace(/\/+$/, '');
  const pageSize = options.pageSize ?? 200;
  const credentials = { appKey: options.appKey, appSecret: options.appSecret };

  /** Signed call; a 401 (stale timestamp, reused nonce) is retried once with a fresh signature. */
  async function call(method: string, pathAndQuery: string, payload?: unknown): Promise<HttpResponse> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const url = `${base}${pathAndQuery}`;
    const attempt = () =>
      httpCall({
        method,
        url,
        body: payload === undefined ? undefined : body,
        timeoutMs: options.timeoutMs,
        headers: {
          ...(payload !== undefined && { 'Content-Type': 'application/json; charset=utf-8' }),
          ...signCivilRequest({ method, path: new URL(url).pathname, body, ...credentials }),
        },
      });
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'auth') return attempt();
      throw error;
    }
  }
  async function put(householdNo: string, document: unknown): Promise<void> {
    const res = await call('PUT', `/api/v1/households/${encodeURIComponent(householdNo)}`, document);
    if (res.status >= 300) throw civilError(res);
  }

  async function* exportAll(): AsyncGenerator<Record<string, unknown>> {
    for (let page = 1; ; page++) {
      const res = await call('GET', `/api/v1/households?page=${page}&size=${pageSize}`);
      if (res.status >= 300) throw civilError(res);
      const items = pagedItems(res.json());
      yield* items;
      if (items.length < pageSize) return;
    }
  }

  /** undefined: the department does not hold the household (nothing to end). */
  async function departmentAssistance(
    householdNo: string,
  ): Promise<HouseholdSnapshot['assistance'] | undefined> {
    for await (const doc of exportAll()) {
      if (doc.householdNo === householdNo) return civilAssistanceOf(doc);
    }
    return undefined;
  }

  /** The department names the household it already holds for this head (409): kept on the error. */
  const withHeldAs = (error: ConnectorError, res: HttpResponse): ConnectorError => {
    if (res.status !== 409) return error;
    const householdNo = res.json<{ data?: { householdNo?: unknown } } | null>()?.data?.householdNo;
    return typeof householdNo === 'string' && householdNo !== ''
      ? new ConnectorError(error.kind, error.message, { ...error.details, heldAs: householdNo })
      : error;
  };

  const household = (subject: SubjectSnapshot): HouseholdSnapshot => {
    if (subject.type !== 'household')
      throw new ConnectorError('invalid', `${CIVIL_ASSISTANCE} takes households`);
    return subject;
  };

  return {
    slug: CIVIL_ASSISTANCE,
    mode: 'online',
    relevant: isCivilAssistanceRelevant,
    map: (subject) => ({ ...toCivilHousehold(household(subject), 'active') }),

    async push(subject, known: KnownRecord | null) {
      const document = toCivilHousehold(household(subject), 'active');
      if (known?.externalId) {
        await put(known.externalId, document);
        return { externalId: known.externalId };
      }
      const res = await call('POST', '/api/v1/households', document);
      if (res.status >= 300) throw withHeldAs(civilError(res), res);
      const householdNo = unwrapped(res.json()).householdNo;
      if (typeof householdNo !== 'string' || householdNo === '') {
        throw new ConnectorError('invalid', 'the department created the household but sent no householdNo');
      }
      return { externalId: householdNo };
    },

    async end(subject, known) {
      // Never sent (or never accepted): the department holds nothing to end.
      if (!known?.externalId) return;
      const ending = household(subject);
      // The department refuses a document without its assistance fields, even to end it; when the
      // hub no longer holds them (the tag was removed), the department's own are sent back. The
      // spec offers no read by householdNo, so the export is searched: endings are rare.
      const assistance = ending.assistance ?? (await departmentAssistance(known.externalId));
      if (assistance === undefined) return;
      await put(known.externalId, toCivilHousehold({ ...ending, assistance }, 'ended'));
    },

    exportAll,
    exportReader: civilAssistanceExportReader,

    async changes(cursor: string | null): Promise<ChangePage> {
      const query = !cursor ? '' : `?since=${encodeURIComponent(cursor)}`;
      const res = await call('GET', `/api/v1/changes${query}`);
      if (res.status >= 300) throw civilError(res);
      const body = res.json();
      const entries = pagedItems(body);
      const changes = entries.map((entry) => {
        // An entry is either the changed document itself or a change wrapping it.
        const doc = (entry.household ?? entry.document ?? entry) as Record<string, unknown>;
        return civilChange(doc, changeTime(entry, doc));
      });
      const next =
        firstString(unwrapped(body), ['cursor', 'nextCursor', 'next']) ?? changes.at(-1)?.changedAt ?? cursor;
      return { changes, cursor: next ?? '' };
    },
  };
}

function changeTime(entry: Record<string, unknown>, doc: Record<string, unknown>): string {
  return (
    firstString(entry, ['changedAt', 'changeTime', 'updatedAt', 'time']) ??
    firstString(doc, ['updatedAt', 'changedAt']) ??
    ''
  );
}

function firstString(body: unknown, keys: string[]): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  for (const key of keys) {
    const value = (body as Record<string, unknown>)[key];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}
