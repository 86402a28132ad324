import { isActiveResident, type HouseholdSnapshot } from '@hub/domain';
import {
  ConnectorError,
  type BatchConnector,
  type BatchItem,
  type BatchItemResult,
  type ChangePage,
  type InboundChange,
} from '../common';
import { GridGovernanceClient } from './grid-governance.client';
import { createGridExportReader } from './grid-governance.export-reader';
import { endStatusOf, fromGridEvent, toGridHouse, toGridPerson } from './grid-governance.mapping';
import { isGridGovernanceRelevant } from './grid-governance.relevance';
import type {
  GridBatchContext,
  GridBatchReply,
  GridEventsReply,
  GridGovernanceOptions,
  GridHouse,
  GridPerson,
} from './grid-governance.types';

const MAX_ITEMS_PER_CALL = 100;
// The platform's largest page: an import is bound by its 5 calls/s, not by the page.
const DEFAULT_PAGE_SIZE = 500;
/** Refusals of one export page before the import gives up on the platform for now. */
const EXPORT_READ_ATTEMPTS = 5;

/** A batch connector whose `pushBatch` also takes the personIds the hub knows (houses need them). */
export interface GridGovernanceConnector extends BatchConnector {
  pushBatch(items: BatchItem[], on: Date, context?: GridBatchContext): Promise<BatchItemResult[]>;
}

/** One platform record to send, and where its result goes. */
interface Outgoing<T> {
  index: number;
  record: T;
  residentId?: string;
}

const chunks = <T>(list: T[]): T[][] =>
  Array.from({ length: Math.ceil(list.length / MAX_ITEMS_PER_CALL) }, (_, i) =>
    list.slice(i * MAX_ITEMS_PER_CALL, (i + 1) * MAX_ITEMS_PER_CALL),
  );

/**
 * 综治办 网格化社会治理平台: persons and houses by batch upsert (≤ 100 a call). Persons go first so
 * a house sent in the same batch can name members created a moment before.
 */
export function createGridGovernanceConnector(options: GridGovernanceOptions): GridGovernanceConnector {
  const client = new GridGovernanceClient(options);
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;

  /** Sends records in calls of ≤ 100; stops calling after a temporary or auth failure. */
  async function send<T>(
    path: string,
    outgoing: Array<Outgoing<T>>,
    idOf: (r: { personId?: string; houseId?: string }) => string | undefined,
    results: BatchItemResult[],
    halted: { error: ConnectorError | null },
    onCreated: (item: Outgoing<T>, id: string) => void,
  ): Promise<void> {
    for (const chunk of chunks(outgoing)) {
      if (halted.error) {
        for (const item of chunk) results[item.index] = { ok: false, error: halted.error };
        continue;
      }
      let reply: GridBatchReply;
      try {
        reply = await client.post<GridBatchReply>(path, { items: chunk.map((item) => item.record) });
      } catch (error) {
        const failure = error instanceof ConnectorError ? error : ConnectorError.temporary(String(error));
        if (!failure.final) halted.error = failure;
        for (const item of chunk) results[item.index] = { ok: false, error: failure };
        continue;
      }
      chunk.forEach((item, position) => {
        const result = reply.results?.find((r) => r.index === position);
        if (!result) {
          results[item.index] = {
            ok: false,
            error: ConnectorError.temporary('grid-governance: no result for item'),
          };
        } else if (!result.ok) {
          results[item.index] = { ok: false, error: ConnectorError.refused(result.reason ?? '处理失败') };
        } else {
          const id = idOf(result) ?? null;
          results[item.index] = { ok: true, externalId: id };
          if (id) onCreated(item, id);
        }
      });
    }
  }

  async function pushBatch(
    items: BatchItem[],
    on: Date,
    context: GridBatchContext = {},
  ): Promise<BatchItemResult[]> {
    context = { ...context, personIds: { ...context.externalIds, ...context.personIds } };
    const results: BatchItemResult[] = new Array<BatchItemResult>(items.length);
    const persons: Array<Outgoing<GridPerson>> = [];
    const houses: Array<{ index: number; household: HouseholdSnapshot; houseId: string | null }> = [];
    items.forEach(({ subject, known, action }, index) => {
      const externalId = known?.externalId ?? null;
      // Ending what the platform never received, or someone still here who only lost the grid
      // cell (no status says that), sends nothing.
      const nothingToEnd =
        action === 'end' &&
        (!externalId ||
          (subject.type === 'resident' ? isActiveResident(subject) : subject.status === 'active'));
      if (nothingToEnd) results[index] = { ok: true, externalId };
      else if (subject.type === 'household') houses.push({ index, household: subject, houseId: externalId });
      else {
        const status = action === 'end' ? endStatusOf(subject) : 'normal';
        persons.push({
          index,
          record: toGridPerson(subject, on, status, externalId),
          residentId: subject.id,
        });
      }
    });

    const halted: { error: ConnectorError | null } = { error: null };
    const personIds: Record<string, string> = { ...context.personIds };
    await send(
      '/api/v2/persons:batchUpsert',
      persons,
      (r) => r.personId,
      results,
      halted,
      (item, id) => {
        if (item.residentId) personIds[item.residentId] = id;
      },
    );
    const outgoingHouses: Array<Outgoing<GridHouse>> = houses.map(({ index, household, houseId }) => ({
      index,
      record: toGridHouse(household, personIds, houseId),
    }));
    await send(
      '/api/v2/houses:batchUpsert',
      outgoingHouses,
      (r) => r.houseId,
      results,
      halted,
      () => undefined,
    );
    return results;
  }

  async function single(item: BatchItem, on: Date): Promise<string | null> {
    const [result] = await pushBatch([item], on);
    if (!result.ok) throw result.error;
    return result.externalId;
  }

  /**
   * A page read the platform turns away with 429 (other hub processes share its 5 calls/s) is
   * asked again after the Retry-After it names: reads are safe to repeat, and failing would make
   * the import read the whole platform again from its first page.
   */
  async function readPatiently(url: string): Promise<Record<string, unknown>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await client.get<Record<string, unknown>>(url);
      } catch (error) {
        const turnedAway = error instanceof ConnectorError && error.details.status === 429;
        if (!turnedAway || attempt >= EXPORT_READ_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, error.details.retryAfterMs ?? 1_000));
      }
    }
  }

  /**
   * Follows the page tokens; the next page is asked for as soon as its token is known, so the
   * platform's answer travels while this page's records are being taken in (the calls still
   * keep to its rate limit).
   */
  async function* pages<T>(path: string, key: 'persons' | 'houses'): AsyncGenerator<T> {
    const fetchPage = (token: string) => {
      const query = `pageSize=${pageSize}${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`;
      const request = readPatiently(`${path}?${query}`);
      // Handled at once: an export left early must not leave an unhandled rejection behind.
      request.catch(() => undefined);
      return request;
    };
    let token = '';
    let request = fetchPage(token);
    for (;;) {
      const page = await request;
      const records = (page[key] as T[] | undefined) ?? [];
      const next = typeof page.nextPageToken === 'string' ? page.nextPageToken : '';
      const more = next !== '' && next !== token && records.length > 0;
      if (more) {
        token = next;
        request = fetchPage(token);
      }
      for (const record of records) yield record;
      if (!more) return;
    }
  }

  return {
    slug: 'grid-governance',
    mode: 'batch',
    relevant: isGridGovernanceRelevant,
    // A house's member ids come from the hub per call (pushBatch's context); `map` shows the rest.
    map: (subject, on) =>
      subject.type === 'household'
        ? { ...toGridHouse(subject, {}) }
        : { ...toGridPerson(subject, on, 'normal') },
    pushBatch,
    push: async (subject, known, on) => ({
      externalId: await single({ subject, known, action: 'upsert' }, on),
    }),
    end: async (subject, known, on) => void (await single({ subject, known, action: 'end' }, on)),

    /** Persons (with `personId`), then houses (with `houseId`), as the platform lists them. */
    exportAll: () =>
      (async function* () {
        yield* pages<Record<string, unknown>>('/api/v2/persons', 'persons');
        yield* pages<Record<string, unknown>>('/api/v2/houses', 'houses');
      })(),

    // Per connector: it learns the export's persons so a house can name its head's ID number.
    exportReader: createGridExportReader(),

    async changes(cursor: string | null): Promise<ChangePage> {
      const changes: InboundChange[] = [];
      let after = cursor;
      for (;;) {
        const reply = await client.get<GridEventsReply>(
          `/api/v2/events${after ? `?after=${encodeURIComponent(after)}` : ''}`,
        );
        const events = reply.events ?? [];
        for (const event of events) {
          const change = fromGridEvent(event);
          if (change) changes.push(change);
        }
        const next = reply.nextAfter ?? events.at(-1)?.eventId ?? after;
        if (events.length === 0 || !next || next === after) break;
        after = next;
      }
      return { changes, cursor: after ?? '' };
    },
  };
}
