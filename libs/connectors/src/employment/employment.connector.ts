import type { ResidentSnapshot, SubjectSnapshot } from '@hub/domain';
import {
  EXPORT_TIMEOUT_MS,
  ConnectorError,
  decodeGbk,
  readGbkCsv,
  type ChangePage,
  type Connector,
  type KnownRecord,
  type PushOutcome,
} from '../common';
import { parseSaveReply } from './employment.codes';
import { employmentExportReader } from './employment.export-reader';
import { fromEmploymentRow, refusalOf, toEmploymentForm } from './employment.mapping';
import { isRelevantToEmployment } from './employment.relevance';
import { EmploymentSession } from './employment.session';
import type { EmploymentExportRow, EmploymentForm, EmploymentOptions } from './employment.types';

export const EMPLOYMENT = 'employment';

/** `yyyy-MM-dd HH:mm:ss` in Beijing time, the form `?since=` takes. */
export function sinceOf(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

function residentOf(subject: SubjectSnapshot): ResidentSnapshot {
  if (subject.type !== 'resident') throw new ConnectorError('invalid', 'employment takes residents only');
  return subject;
}

const asFields = (form: EmploymentForm): Record<string, string> =>
  Object.fromEntries(Object.entries(form).filter(([, value]) => value !== undefined));

/** 人社局 就业创业管理信息系统: GBK form posts behind a login session, GBK CSV exports. */
export function createEmploymentConnector(options: EmploymentOptions): Connector {
  const session = new EmploymentSession({ ...options, timeoutMs: options.timeoutMs ?? 10_000 });

  async function save(action: 'save' | 'end', form: EmploymentForm): Promise<string | null> {
    const res = await session.postForm('/jy/ryxx.do', { action, ...asFields(form) });
    const reply = parseSaveReply(decodeGbk(res.body));
    if (!reply.ok) throw reply.error;
    return reply.jyrybh;
  }

  return {
    slug: EMPLOYMENT,
    keyedByIdNumber: true,
    mode: 'online',
    relevant: isRelevantToEmployment,
    map: (subject) => ({ ...toEmploymentForm(residentOf(subject)) }),
    exportReader: employmentExportReader,

    async push(subject, known: KnownRecord | null): Promise<PushOutcome> {
      const form = toEmploymentForm(residentOf(subject));
      const refusal = refusalOf(form);
      if (refusal) throw refusal;
      if (known?.externalId) form.jyrybh = known.externalId;
      const jyrybh = await save('save', form);
      return { externalId: jyrybh ?? known?.externalId ?? null };
    },

    async end(subject, known): Promise<void> {
      const resident = residentOf(subject);
      // The record is found by its own id, or by ID number when the hub never learned it.
      const form: Partial<EmploymentForm> = {};
      if (known?.externalId) form.jyrybh = known.externalId;
      if (resident.idNumber) form.sfzhm = toEmploymentForm(resident).sfzhm;
      if (!form.jyrybh && !form.sfzhm)
        throw ConnectorError.refused('人员编号和身份证号码不能都为空（未发送）');
      await save('end', form as EmploymentForm);
    },

    async *exportAll() {
      const res = await session.get('/jy/export.do', EXPORT_TIMEOUT_MS);
      for (const row of readGbkCsv(res.body)) yield { ...row };
    },

    async changes(cursor: string | null): Promise<ChangePage> {
      const since = cursor ?? '1900-01-01 00:00:00';
      const res = await session.get(`/jy/export.do?since=${encodeURIComponent(since)}`);
      // The rows carry no change time. The reply's Date header is the department's own clock
      // when it answered: the next `since`, and the best "changed by" time we have. Without
      // one, our clock less a minute for skew (re-reading a change is harmless, missing one is not).
      const answeredAt = new Date(res.headers.get('date') ?? Date.now() - 60_000);
      const rows = readGbkCsv(res.body) as EmploymentExportRow[];
      return {
        changes: rows.map((row) => fromEmploymentRow(row, answeredAt.toISOString())),
        cursor: sinceOf(answeredAt),
      };
    },
  };
}
