import type { ResidentSnapshot, SubjectSnapshot } from '@hub/domain';
import {
  EXPORT_TIMEOUT_MS,
  ConnectorError,
  decodeGbk,
  httpCall,
  readGbkCsv,
  writeGbkCsv,
  type BatchConnector,
  type BatchItem,
  type BatchItemResult,
  type HttpResponse,
  type KnownRecord,
} from '../common';
import { OUTSIDE_WINDOW } from './social-insurance.codes';
import { socialInsuranceExportReader } from './social-insurance.export-reader';
import { rowRefusal, toInsurancePerson, toUploadRow } from './social-insurance.mapping';
import { isRelevantToSocialInsurance } from './social-insurance.relevance';
import { resultsBySentRow, type SentRow } from './social-insurance.results';
import {
  UPLOAD_HEADERS,
  type InsuranceResultRow,
  type InsuranceRow,
  type SocialInsuranceOptions,
} from './social-insurance.types';
import { msUntilWindowOpens } from './social-insurance.window';

export const SOCIAL_INSURANCE = 'social-insurance';
/** A 403 while our clock says the window is open (skew, a changed window): look again soon. */
const WINDOW_RECHECK_MS = 5 * 60_000;

function residentOf(subject: SubjectSnapshot): ResidentSnapshot {
  if (subject.type !== 'resident')
    throw new ConnectorError('invalid', 'social-insurance takes residents only');
  return subject;
}

/** The refusal of a 新增 for a person already enrolled, with the 个人编号 the department gives. */
const ALREADY_ENROLLED = /已在本地参保，个人编号(\w+)/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const compactNow = (now: Date): string =>
  new Date(now.getTime() + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);

/**
 * 人社局 城乡居民养老保险系统: one GBK CSV file per upload window (22:00–06:00 Beijing time),
 * results per row later. The hub collects the day's changes and calls pushBatch once a window.
 */
export function createSocialInsuranceConnector(options: SocialInsuranceOptions): BatchConnector {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
  const url = (path: string) => new URL(path, options.baseUrl).toString();
  const get = (path: string, limitMs = timeoutMs): Promise<HttpResponse> =>
    httpCall({ method: 'GET', url: url(path), headers: { authorization }, timeoutMs: limitMs });

  async function upload(rows: InsuranceRow[], now: Date): Promise<string> {
    const file = writeGbkCsv(
      UPLOAD_HEADERS,
      rows.map((row) => UPLOAD_HEADERS.map((header) => row[header])),
    );
    const form = new FormData();
    form.append('file', new Blob([file], { type: 'text/csv; charset=GBK' }), `hub-${compactNow(now)}.csv`);
    const res = await httpCall({
      method: 'POST',
      url: url('/batch/upload'),
      headers: { authorization },
      body: form,
      timeoutMs,
    });
    const text = `${res.text()} ${decodeGbk(res.body)}`;
    if (res.status === 403 && text.includes(OUTSIDE_WINDOW)) {
      const wait = msUntilWindowOpens(now, options.windowStart ?? '22:00', options.windowEnd ?? '06:00');
      throw ConnectorError.temporary(OUTSIDE_WINDOW, {
        status: 403,
        retryAfterMs: wait || WINDOW_RECHECK_MS,
      });
    }
    if (res.status === 403) throw new ConnectorError('auth', 'social-insurance: HTTP 403', { status: 403 });
    if (res.status >= 400)
      throw new ConnectorError('invalid', `social-insurance: upload HTTP ${res.status}`, {
        status: res.status,
      });
    const { batchNo } = res.json<{ batchNo?: string }>();
    if (!batchNo) throw ConnectorError.temporary('social-insurance: upload answered without a batchNo');
    return String(batchNo);
  }

  /** Waits for the batch's result file (404 until the department has processed it). */
  async function resultsOf(batchNo: string): Promise<InsuranceResultRow[]> {
    const deadline = Date.now() + (options.resultTimeoutMs ?? 10 * 60_000);
    for (;;) {
      const res = await get(`/batch/${encodeURIComponent(batchNo)}/result`);
      if (res.status === 200) return readGbkCsv(res.body) as unknown as InsuranceResultRow[];
      if (res.status !== 404)
        throw ConnectorError.temporary(`social-insurance: result HTTP ${res.status}`, { status: res.status });
      if (Date.now() >= deadline)
        throw ConnectorError.temporary(`social-insurance: batch ${batchNo} has no result yet`);
      await sleep(options.pollIntervalMs ?? 2_000);
    }
  }

  /**
   * A 新增 of a person the department already enrols (an earlier upload whose outcome the hub never
   * recorded: a crash between upload and ledger) is refused with the 个人编号; sent again as 变更.
   */
  async function pushBatch(items: BatchItem[], on: Date): Promise<BatchItemResult[]> {
    const results = await uploadItems(items, on);
    const again = items.flatMap((item, index) => {
      const result = results[index];
      const personNo =
        item.action === 'upsert' && !item.known?.externalId && !result.ok
          ? ALREADY_ENROLLED.exec(result.error.message)?.[1]
          : undefined;
      return personNo ? [{ index, personNo }] : [];
    });
    if (again.length === 0) return results;
    const retried = await uploadItems(
      again.map(({ index, personNo }) => ({ ...items[index], known: { externalId: personNo } })),
      on,
    );
    again.forEach(({ index }, n) => (results[index] = retried[n]));
    return results;
  }

  async function uploadItems(items: BatchItem[], on: Date): Promise<BatchItemResult[]> {
    const results: BatchItemResult[] = new Array<BatchItemResult>(items.length);
    const sent: SentRow[] = [];
    const rows: InsuranceRow[] = [];
    items.forEach((item, index) => {
      try {
        const personNo = item.known?.externalId ?? null;
        const row = toUploadRow(residentOf(item.subject), personNo, item.action === 'end');
        const refusal = rowRefusal(row);
        if (refusal) throw refusal;
        rows.push(row);
        sent.push({ item: index, idNumber: row.公民身份号码, personNo });
      } catch (error) {
        results[index] = { ok: false, error: error as Error };
      }
    });
    if (rows.length > 0) {
      const batchNo = await upload(rows, on);
      for (const [item, outcome] of resultsBySentRow(sent, await resultsOf(batchNo))) results[item] = outcome;
    }
    return results;
  }

  async function single(item: BatchItem, on: Date): Promise<string | null> {
    const [result] = await pushBatch([item], on);
    if (!result.ok) throw result.error;
    return result.externalId;
  }

  return {
    slug: SOCIAL_INSURANCE,
    keyedByIdNumber: true,
    mode: 'batch',
    relevant: isRelevantToSocialInsurance,
    map: (subject) => ({ ...toInsurancePerson(residentOf(subject)) }),
    exportReader: socialInsuranceExportReader,
    pushBatch,
    closedNotice(now) {
      const [start, end] = [options.windowStart ?? '22:00', options.windowEnd ?? '06:00'];
      if (msUntilWindowOpens(now, start, end) === 0) return null;
      return `该部门只在每天 ${start}–${end}（北京时间）接收上传，届时自动发送，不算失败`;
    },
    // One-row files, for tools and tests; the hub sends a window's changes through pushBatch.
    push: async (subject, known: KnownRecord | null, on) => ({
      externalId: await single({ subject, known, action: 'upsert' }, on),
    }),
    end: async (subject, known, on) => void (await single({ subject, known, action: 'end' }, on)),
    async *exportAll() {
      const res = await get('/batch/export', EXPORT_TIMEOUT_MS);
      if (res.status >= 400)
        throw new ConnectorError('invalid', `social-insurance: export HTTP ${res.status}`, {
          status: res.status,
        });
      for (const row of readGbkCsv(res.body)) yield { ...row };
    },
  };
}
