import type { ResidentSnapshot, SubjectSnapshot } from '@hub/domain';
import {
  ConnectorError,
  type ChangePage,
  type Connector,
  type KnownRecord,
  type PushOutcome,
} from '../common';
import { endStatusOf } from './police-population.codes';
import { policePopulationExportReader } from './police-population.export-reader';
import { fromPoliceRecord, toPoliceRecord } from './police-population.mapping';
import { isRelevantToPolice } from './police-population.relevance';
import { PoliceSoapClient } from './police-population.soap';
import type { PoliceReply, PoliceRyxx, PolicePopulationOptions } from './police-population.types';

export const POLICE_POPULATION = 'police-population';
/** Where the department publishes its service (WSDL at `?wsdl`). */
export const POLICE_SERVICE_PATH = '/rkxx/services/RkxxService';
const MAX_PAGE_SIZE = 1000;
/** QueryBgxx's `since` for "from the beginning". */
const EPOCH_CURSOR = '19000101000000';

interface SaveReply extends PoliceReply {
  RYBH?: string;
}
interface ListReply extends PoliceReply {
  total?: number;
  RY?: PoliceRyxx | PoliceRyxx[];
}

/** The service returns a single `RY` as an object, several as an array, none as nothing. */
const asList = (ry: ListReply['RY']): PoliceRyxx[] => (ry === undefined ? [] : Array.isArray(ry) ? ry : [ry]);

function residentOf(subject: SubjectSnapshot): ResidentSnapshot {
  if (subject.type !== 'resident')
    throw new ConnectorError('invalid', 'police-population takes residents only');
  return subject;
}

function requireIdNumber(subject: ResidentSnapshot): void {
  // GMSFHM is the service's key; without it SaveRyxx cannot upsert. Refused like the service would.
  if (!subject.idNumber) throw ConnectorError.refused('公民身份号码不能为空（未发送）');
}

/** 公安局 实有人口管理系统 over SOAP 1.1 with a WS-Security UsernameToken. */
export function createPolicePopulationConnector(options: PolicePopulationOptions): Connector {
  const soap = new PoliceSoapClient({
    endpoint: new URL(options.servicePath ?? POLICE_SERVICE_PATH, options.baseUrl).toString(),
    username: options.username,
    password: options.password,
    timeoutMs: options.timeoutMs ?? 10_000,
    // The worker's queue limiter keeps all processes together under the department's 5 calls/s.
    minIntervalMs: options.minIntervalMs ?? 0,
  });
  const pageSize = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);

  return {
    slug: POLICE_POPULATION,
    keyedByIdNumber: true,
    mode: 'online',
    relevant: isRelevantToPolice,
    map: (subject) => ({ ...toPoliceRecord(residentOf(subject)) }),
    exportReader: policePopulationExportReader,

    async push(subject, known: KnownRecord | null): Promise<PushOutcome> {
      const resident = residentOf(subject);
      requireIdNumber(resident);
      const RY: PoliceRyxx = { ...toPoliceRecord(resident) };
      // Upsert is by GMSFHM; the own id helps the service find people kept under a 15-digit number.
      if (known?.externalId) RY.RYBH = known.externalId;
      const reply = await soap.call<SaveReply>('SaveRyxx', { RY });
      return { externalId: reply.RYBH ?? known?.externalId ?? null };
    },

    async end(subject, known): Promise<void> {
      const resident = residentOf(subject);
      const ZT = endStatusOf(resident);
      if (!ZT) throw new ConnectorError('invalid', 'police-population: end needs a death or a move out');
      if (!known?.externalId) requireIdNumber(resident);
      await soap.call('ZxRyxx', {
        ...(known?.externalId ? { RYBH: known.externalId } : {}),
        ...(resident.idNumber ? { GMSFHM: resident.idNumber } : {}),
        ZT,
      });
    },

    async *exportAll() {
      for (let pageNo = 1; ; pageNo += 1) {
        const reply = await soap.call<ListReply>('QueryRyxx', { pageNo, pageSize });
        const page = asList(reply.RY);
        for (const ry of page) yield { ...ry };
        const total = Number(reply.total ?? NaN);
        const done = Number.isFinite(total) ? pageNo * pageSize >= total : page.length < pageSize;
        if (done || page.length === 0) return;
      }
    },

    // BGSJ is Beijing time, yyyyMMddHHmmss.
    cursorAt: (instant) =>
      new Date(instant.getTime() + 8 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14),

    async changes(cursor: string | null): Promise<ChangePage> {
      const since = cursor ?? EPOCH_CURSOR;
      const reply = await soap.call<ListReply>('QueryBgxx', { since });
      const persons = asList(reply.RY);
      // The next cursor is the latest BGSJ seen (the department's clock, never ours).
      const latest = persons.reduce((max, ry) => (ry.BGSJ && ry.BGSJ > max ? ry.BGSJ : max), since);
      return { changes: persons.map(fromPoliceRecord), cursor: latest };
    },
  };
}
