import type { ResidentSnapshot, SubjectSnapshot } from '@hub/domain';
import {
  ConnectorError,
  type ChangePage,
  type Connector,
  type KnownRecord,
  type PushOutcome,
} from '../common';
import { PublicHealthClient, StaleVersionError } from './public-health.client';
import { publicHealthExportReader } from './public-health.export-reader';
import { fromPatient, mergeIntoCurrent, toPatient } from './public-health.mapping';
import { isPublicHealthRelevant } from './public-health.relevance';
import {
  RESIDENT_ID_SYSTEM,
  type FhirBundle,
  type FhirPatient,
  type PublicHealthOptions,
} from './public-health.types';

/** A 412 means someone else wrote in between; a few re-reads settle it, more means a hot record. */
const MAX_VERSION_RETRIES = 3;
// The largest `_count` the archive serves: fewer round trips for an import.
const DEFAULT_PAGE_SIZE = 1000;

function residentOf(subject: SubjectSnapshot): ResidentSnapshot {
  if (subject.type !== 'resident') throw new ConnectorError('invalid', 'public-health takes residents only');
  return subject;
}

/**
 * 居民健康档案系统 (FHIR R4 `Patient`). New residents are POSTed and keep the department's
 * 17-digit archive number; known ones are PUT over the current version with `If-Match`.
 */
export function createPublicHealthConnector(options: PublicHealthOptions): Connector {
  const client = new PublicHealthClient(options);
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;

  /** Read, overlay ours, PUT with the version read; on 412 read again (bounded). */
  async function putOver(id: string, ours: FhirPatient): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const current = await client.read(id);
      try {
        await client.update(mergeIntoCurrent(current, ours, id), current.meta?.versionId);
        return;
      } catch (error) {
        if (!(error instanceof StaleVersionError)) throw error;
        if (attempt >= MAX_VERSION_RETRIES) {
          throw ConnectorError.temporary('public-health: archive kept changing (412)', { status: 412 });
        }
      }
    }
  }

  async function archiveOf(idNumber: string | null): Promise<string | undefined> {
    if (!idNumber) return undefined;
    const bundle = await client.search<FhirBundle>(
      `Patient?identifier=${encodeURIComponent(`${RESIDENT_ID_SYSTEM}|${idNumber}`)}`,
    );
    return bundle.entry?.find((e) => e.resource?.id && !e.resource.deceasedBoolean)?.resource?.id;
  }

  async function* pages(firstUrl: string): AsyncGenerator<FhirPatient> {
    let url: string | undefined = firstUrl;
    while (url) {
      const bundle: FhirBundle = await client.search<FhirBundle>(url);
      const entries = bundle.entry ?? [];
      for (const entry of entries) if (entry.resource) yield entry.resource;
      // Stop on an empty page too: a server repeating its last link must not loop us forever.
      url = entries.length > 0 ? bundle.link?.find((l) => l.relation === 'next')?.url : undefined;
    }
  }

  return {
    slug: 'public-health',
    mode: 'online',
    relevant: isPublicHealthRelevant,
    map: (subject) => ({ ...toPatient(residentOf(subject)) }),

    async push(subject, known: KnownRecord | null): Promise<PushOutcome> {
      const ours = toPatient(residentOf(subject));
      if (!known?.externalId) return { externalId: await client.create(ours) };
      await putOver(known.externalId, ours);
      return { externalId: known.externalId };
    },

    /**
     * Death: `deceasedBoolean: true` (the spec's only end marker). Moved out: the spec gives the
     * archive no status for it (no `active`), and a health archive follows the person to the next
     * health centre rather than being closed, so nothing is sent — deliberately, not forgotten.
     * Without a known archive (a create whose answer was lost before the death) the archive is
     * found by ID number, so the death reaches it instead of leaving it open.
     */
    async end(subject, known): Promise<void> {
      const resident = residentOf(subject);
      if (resident.lifeStatus !== 'deceased') return;
      const archive = known?.externalId ?? (await archiveOf(resident.idNumber));
      if (!archive) return;
      await putOver(archive, { ...toPatient(resident), deceasedBoolean: true });
    },

    exportAll: () =>
      (async function* () {
        for await (const patient of pages(`Patient?_count=${pageSize}&_offset=0`)) {
          yield { ...patient };
        }
      })(),

    exportReader: publicHealthExportReader,

    /**
     * Cursor = the latest `meta.lastUpdated` seen. `gt` is strict, so a change stamped with the
     * very instant of the cursor but written after our read would be missed; the department's
     * clock has millisecond resolution, which makes that rare, and reconciliation catches it.
     */
    async changes(cursor: string | null): Promise<ChangePage> {
      const filter = cursor ? `&_lastUpdated=${encodeURIComponent(`gt${cursor}`)}` : '';
      const changes = [];
      let latest = cursor ?? '';
      for await (const patient of pages(`Patient?_count=${pageSize}&_offset=0${filter}`)) {
        const change = fromPatient(patient);
        changes.push(change);
        // Instants may carry different offsets (Z, +08:00): compare as times, not strings.
        if (!latest || Date.parse(change.changedAt) > Date.parse(latest)) latest = change.changedAt;
      }
      return { changes, cursor: latest };
    },
  };
}
