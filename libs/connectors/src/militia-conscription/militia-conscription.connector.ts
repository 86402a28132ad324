import type { ResidentSnapshot, SubjectSnapshot } from '@hub/domain';
import {
  asConnectorError,
  ConnectorError,
  type BatchConnector,
  type BatchItem,
  type BatchItemResult,
} from '../common';
import { militiaConscriptionExportReader } from './militia-conscription.export-reader';
import { registrationTypeFor, toRosterEntry } from './militia-conscription.mapping';
import { militiaConscriptionRelevant, registrationYear } from './militia-conscription.relevance';
import { buildRoster, readRoster } from './militia-conscription.roster';
import { exportRoster, uploadRoster } from './militia-conscription.upload';
import {
  FIRST_DATA_ROW,
  type MilitiaConscriptionOptions,
  type RosterEntry,
} from './militia-conscription.types';

const asResident = (subject: SubjectSnapshot): ResidentSnapshot => {
  if (subject.type !== 'resident')
    throw new ConnectorError('invalid', 'militia-conscription registers persons only');
  return subject;
};

interface Line {
  index: number;
  entry: RosterEntry;
}

const ALREADY_REGISTERED = /已进行兵役登记/;

/** Items by community: the department takes one roster per community. */
function byCommunity(
  items: BatchItem[],
  results: BatchItemResult[],
): Map<string, { name: string; lines: Line[] }> {
  const rosters = new Map<string, { name: string; lines: Line[] }>();
  items.forEach((item, index) => {
    try {
      const resident = asResident(item.subject);
      const entry = toRosterEntry(resident, registrationTypeFor(item.action, item.known));
      const roster = rosters.get(resident.communityCode) ?? { name: '', lines: [] };
      roster.name ||= resident.currentAddress?.communityName ?? '';
      roster.lines.push({ index, entry });
      rosters.set(resident.communityCode, roster);
    } catch (error) {
      results[index] = { ok: false, error: asConnectorError(error) };
    }
  });
  return rosters;
}

/**
 * 人武部 兵役登记信息系统: XLSX rosters in the department's template, uploaded per community.
 * The department has no record id of its own (the ID number is its key): externalId is null.
 */
export function createMilitiaConscriptionConnector(options: MilitiaConscriptionOptions): BatchConnector {
  const now = options.now ?? (() => new Date());

  /**
   * A first registration the department already holds (an earlier roster whose outcome the hub
   * never recorded: a crash between upload and ledger) is refused; it is sent again as a change.
   */
  async function pushBatch(items: BatchItem[], on: Date): Promise<BatchItemResult[]> {
    const results = await pushRosters(items, on);
    const again = items.flatMap((item, index) => {
      const result = results[index];
      return item.action === 'upsert' &&
        item.known === null &&
        !result.ok &&
        ALREADY_REGISTERED.test(result.error.message)
        ? [index]
        : [];
    });
    if (again.length === 0) return results;
    const retried = await pushRosters(
      again.map((index) => ({ ...items[index], known: { externalId: null } })),
      on,
    );
    again.forEach((index, n) => (results[index] = retried[n]));
    return results;
  }

  async function pushRosters(items: BatchItem[], on: Date): Promise<BatchItemResult[]> {
    const results: BatchItemResult[] = new Array<BatchItemResult>(items.length);
    for (const [communityCode, roster] of byCommunity(items, results)) {
      const name = roster.name || communityCode;
      try {
        const xlsx = await buildRoster(
          name,
          roster.lines.map((line) => line.entry),
        );
        const reply = await uploadRoster(options, `${communityCode}-${registrationYear(on)}.xlsx`, xlsx);
        const reasons = new Map(reply.rejected.map(({ row, reason }) => [Number(row), reason]));
        roster.lines.forEach((line, position) => {
          const reason = reasons.get(FIRST_DATA_ROW + position);
          results[line.index] =
            reason === undefined
              ? { ok: true, externalId: null }
              : { ok: false, error: ConnectorError.refused(reason, { departmentCode: 'rejected' }) };
        });
      } catch (error) {
        // The whole roster failed (network, login, template): every line of it carries the error.
        for (const line of roster.lines) results[line.index] = { ok: false, error: asConnectorError(error) };
      }
    }
    return results;
  }

  async function one(item: BatchItem, on: Date): Promise<void> {
    const [result] = await pushBatch([item], on);
    if (!result.ok) throw result.error;
  }

  return {
    slug: 'militia-conscription',
    keyedByIdNumber: true,
    mode: 'batch',
    relevant: militiaConscriptionRelevant,
    map: (subject) => ({ ...toRosterEntry(asResident(subject), '初次登记') }),
    exportReader: militiaConscriptionExportReader,
    pushBatch,
    async push(subject, known, on) {
      await one({ subject, known, action: 'upsert' }, on);
      return { externalId: null };
    },
    end: (subject, known, on) => one({ subject, known, action: 'end' }, on),
    /** This registration year's roster (the department keeps one per year). */
    async *exportAll() {
      const lines = await readRoster(await exportRoster(options, registrationYear(now())));
      yield* lines;
    },
  };
}
