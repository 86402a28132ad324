import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import type { ResidentSnapshot, SubjectSnapshot } from '@hub/domain';
import {
  ConnectorError,
  type ChangePage,
  type Connector,
  type KnownRecord,
  type PushOutcome,
} from '../common';
import { ExchangeTables } from './family-planning.exchange';
import { OutcomeWatcher } from './family-planning.outcome-watcher';
import { familyPlanningExportReader, fromMasterRow, toFamilyPlanningPerson } from './family-planning.mapping';
import { familyPlanningRelevant } from './family-planning.relevance';
import type { FamilyPlanningOptions, InboundOutcome, Operation } from './family-planning.types';

export interface FamilyPlanningConnector extends Connector {
  /** Releases the database connections (the hub's shutdown, tests). */
  close(): Promise<void>;
}

/**
 * The business serial (`ywlsh`): the same subject version and action always give the same
 * serial, so a push retried after a crash or a time-out is ignored by the department instead of
 * applied twice. 32 characters, `HUB` first so the department can tell whose rows they are.
 */
export function businessSerial(subject: { id: string; version: number }, action: 'upsert' | 'end'): string {
  const digest = createHash('sha256').update(`${subject.id}|${subject.version}|${action}`).digest('hex');
  return `HUB${digest.slice(0, 29)}`;
}

const asResident = (subject: SubjectSnapshot): ResidentSnapshot => {
  if (subject.type !== 'resident') throw new ConnectorError('invalid', 'family-planning keeps persons only');
  return subject;
};

/**
 * 卫生计生委 全员人口信息系统 through its exchange database (前置库): a row in `t_rk_in` per
 * change, processed by the department within seconds; the outcome is read back from the row.
 */
export function createFamilyPlanningConnector(options: FamilyPlanningOptions): FamilyPlanningConnector {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const maxWaitMs = options.maxWaitMs ?? 15_000;
  const pageSize = options.pageSize ?? 500;
  const pool = new Pool({
    connectionString: options.connectionString,
    max: 4,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    idleTimeoutMillis: 30_000,
    // gxsj is Beijing time in the department's eyes, whatever the server's own zone.
    options: '-c TimeZone=Asia/Shanghai',
  });
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const tables = new ExchangeTables(pool);

  const watcher = new OutcomeWatcher((serials) => tables.outcomes(serials), pollIntervalMs, maxWaitMs);

  async function submit(
    resident: ResidentSnapshot,
    operation: Operation,
    rkbh: string | null,
    action: 'upsert' | 'end',
  ): Promise<InboundOutcome> {
    const ywlsh = businessSerial(resident, action);
    await tables.insertInbound({ ...toFamilyPlanningPerson(resident), rkbh, czlx: operation, ywlsh });
    return watcher.wait(ywlsh);
  }

  return {
    slug: 'family-planning',
    keyedByIdNumber: true,
    mode: 'online',
    // A row waits up to a processing tick (~0.5–2 s) in the department; one query polls them all.
    concurrency: 64,
    relevant: familyPlanningRelevant,
    map: (subject) => ({ ...toFamilyPlanningPerson(asResident(subject)) }),
    exportReader: familyPlanningExportReader,

    async push(subject, known: KnownRecord | null): Promise<PushOutcome> {
      const resident = asResident(subject);
      // Without a known rkbh the department may still keep the person: an earlier insert whose
      // outcome the hub never recorded (a crash between the two). Insert again would be refused.
      const rkbh =
        known?.externalId ??
        (resident.idNumber ? await tables.findRkbh(resident.idNumber) : undefined) ??
        null;
      const outcome = await submit(resident, rkbh === null ? 'I' : 'U', rkbh, 'upsert');
      const externalId = outcome.rkbh ?? rkbh;
      if (externalId === null) {
        throw ConnectorError.refused('处理成功但未返回人口编号(rkbh)', { departmentCode: '1' });
      }
      return { externalId: String(externalId) };
    },

    /** `czlx D`. A person the hub never pushed is looked up by ID number; unknown there: nothing to end. */
    async end(subject, known: KnownRecord | null): Promise<void> {
      const resident = asResident(subject);
      const rkbh =
        known?.externalId ??
        (resident.idNumber ? await tables.findRkbh(resident.idNumber) : undefined) ??
        null;
      if (rkbh === null) return;
      await submit(resident, 'D', rkbh, 'end');
    },

    async *exportAll() {
      let after: string | null = null;
      for (;;) {
        const rows = await tables.masterPage(after, pageSize);
        for (const row of rows) yield { ...row };
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1].rkbh;
      }
    },

    /** Cursor: the last (`gxsj`, `rkbh`) read, as JSON. Our own pushes come back too (the hub drops echoes). */
    async changes(cursor: string | null): Promise<ChangePage> {
      const after = cursor === null ? null : (JSON.parse(cursor) as { gxsj: string; rkbh: string });
      const rows = await tables.changedAfter(after, pageSize);
      const last = rows[rows.length - 1];
      return {
        changes: rows.map(fromMasterRow),
        cursor: last
          ? JSON.stringify({ gxsj: last.gxsj, rkbh: last.rkbh })
          : (cursor ?? JSON.stringify(null)),
      };
    },

    close: () => {
      watcher.stop();
      return pool.end();
    },
  };
}
