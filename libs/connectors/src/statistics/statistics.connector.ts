import { ConnectorError, httpCall, type Connector } from '../common';
import { replyMessage, submitStatusKind } from './statistics.codes';
import { statisticsRelevant } from './statistics.relevance';
import type { StatisticsOptions, StatisticsReport, SubmitReply } from './statistics.types';

export interface StatisticsConnector extends Connector {
  /** Submits (or, before the deadline, revises) a community's monthly report. */
  submitReport(report: StatisticsReport): Promise<SubmitReply>;
}

const noPersons = (): ConnectorError =>
  new ConnectorError('invalid', 'statistics never receives a person: submit reports instead');

/** The report's fields in the form's order; nothing else goes out. */
const REPORT_FIELDS: Array<keyof StatisticsReport> = [
  'communityCode',
  'period',
  'households',
  'population',
  'male',
  'female',
  'registered',
  'floating',
  'age0to14',
  'age15to59',
  'age60plus',
  'age80plus',
  'disabled',
  'dibaoHouseholds',
  'dibaoPersons',
  'unemployed',
];

/** 统计局 统计联网直报平台: monthly aggregate reports, never a person. */
export function createStatisticsConnector(options: StatisticsOptions): StatisticsConnector {
  return {
    slug: 'statistics',
    mode: 'online',
    relevant: statisticsRelevant,
    map: () => {
      throw noPersons();
    },
    push: () => Promise.reject(noPersons()),
    end: () => Promise.reject(noPersons()),
    // The platform offers no read-back of reports (the spec lists none): nothing to import.

    async *exportAll() {},

    async submitReport(report) {
      const body = Object.fromEntries(REPORT_FIELDS.map((field) => [field, report[field]]));
      const res = await httpCall({
        method: 'POST',
        url: `${options.baseUrl}/api/report/submit`,
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        timeoutMs: options.timeoutMs,
      });
      if (res.status !== 200 && res.status !== 201) {
        throw new ConnectorError(submitStatusKind(res.status), replyMessage(res.text()), {
          status: res.status,
        });
      }
      const reply = res.json<SubmitReply>();
      return { reportNo: String(reply.reportNo), revision: Number(reply.revision) };
    },
  };
}
