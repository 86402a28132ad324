import type { ResidentSnapshot, SubjectSnapshot } from '@hub/domain';
import {
  ConnectorError,
  type ChangePage,
  type Connector,
  type InboundChange,
  type PushOutcome,
} from '../common';
import { JusticeCorrectionsClient } from './justice-corrections.client';
import { justiceCorrectionsExportReader } from './justice-corrections.export-reader';
import { fromSqjzRecord, toSqjzRecord } from './justice-corrections.mapping';
import { isJusticeCorrectionsRelevant } from './justice-corrections.relevance';
import { readChanges, readPage, readSavedId } from './justice-corrections.replies';
import type { JusticeCorrectionsOptions } from './justice-corrections.types';

const DEFAULT_PAGE_SIZE = 100;

function residentOf(subject: SubjectSnapshot): ResidentSnapshot {
  if (subject.type !== 'resident')
    throw new ConnectorError('invalid', 'justice-corrections takes residents only');
  return subject;
}

/**
 * 司法局 社区矫正信息系统: every body sealed (SM4-CBC + HMAC-SM3). `save` is an upsert: with our
 * `sqjzrybh` it updates, without it the department registers the person and answers the new id.
 */
export function createJusticeCorrectionsConnector(options: JusticeCorrectionsOptions): Connector {
  const client = new JusticeCorrectionsClient(options);
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;

  async function save(resident: ResidentSnapshot, zt: '1' | '2', known: string | null): Promise<string> {
    const reply = await client.call('/api/sqjz/ryxx/save', toSqjzRecord(resident, zt, known));
    const id = readSavedId(reply) ?? known;
    if (!id) throw ConnectorError.temporary('justice-corrections: save answered without sqjzrybh');
    return id;
  }

  return {
    slug: 'justice-corrections',
    mode: 'online',
    relevant: isJusticeCorrectionsRelevant,
    map: (subject) => ({ ...toSqjzRecord(residentOf(subject), '1') }),

    async push(subject, known): Promise<PushOutcome> {
      return { externalId: await save(residentOf(subject), '1', known?.externalId ?? null) };
    },

    /**
     * The system has one way to end: `zt` 2 (released). It is used for a term that ended and also
     * for a death or a move away, which end the supervision here just the same. With no record of
     * ours there is nothing to end (the hub never registered the person). Without a term in the
     * record there is nothing to send either: the department is authoritative for the status, so a
     * term cleared in the hub came from its own feed and needs no echo.
     */
    async end(subject, known): Promise<void> {
      const resident = residentOf(subject);
      if (!known?.externalId || !resident.corrections) return;
      await save(resident, '2', known.externalId);
    },

    exportAll: () =>
      (async function* () {
        for (let pageNo = 1; ; pageNo++) {
          const page = readPage(await client.call('/api/sqjz/ryxx/list', { pageNo, pageSize }));
          for (const record of page.records) yield record;
          const seen = (pageNo - 1) * pageSize + page.records.length;
          if (
            page.records.length === 0 ||
            page.records.length < pageSize ||
            (page.total !== undefined && seen >= page.total)
          )
            return;
        }
      })(),

    exportReader: justiceCorrectionsExportReader,

    async changes(cursor: string | null): Promise<ChangePage> {
      const changes: InboundChange[] = [];
      let current = cursor;
      // The feed may answer in pages; read until it has nothing more after the cursor.
      for (;;) {
        const page = readChanges(
          await client.call('/api/sqjz/ryxx/changes', current ? { cursor: current } : {}),
        );
        for (const change of page.changes) changes.push(fromSqjzRecord(change.record, change.changedAt));
        const advanced = page.cursor !== null && page.cursor !== current;
        if (advanced) current = page.cursor;
        if (!advanced || page.changes.length === 0 || !page.hasMore) break;
      }
      return { changes, cursor: current ?? '' };
    },
  };
}
