/**
 * 残联 残疾人人口基础数据库: person records keyed by the certificate number, REST JSON with an
 * `X-Api-Key` header. Push: PUT /api/persons/{cardNo} (upsert). A re-graded or re-typed certificate
 * has a new number: the new one is put first, then the old one revoked, so the person never lacks
 * a valid certificate in the department and a retry of the pair is harmless (both PUTs are
 * idempotent). End: PUT with status `deceased` or `revoked`. Export: paged. Changes: certificates
 * issued, re-graded, revoked by the department.
 */
import type { ResidentSnapshot, SubjectSnapshot } from '@hub/domain';
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
import { cardNumber, disabilityError } from './disability.codes';
import { disabilityExportReader } from './disability.export-reader';
import {
  disabilityChange,
  disabilityEndStatus,
  toDisabilityPerson,
  underCertificate,
  withoutSupersededRevocations,
  type AddressedPerson,
} from './disability.mapping';
import { isDisabilityRelevant } from './disability.relevance';
import type { DisabilityOptions } from './disability.types';

export const DISABILITY = 'disability';

export function createDisabilityConnector(options: DisabilityOptions): Connector {
  const base = options.baseUrl.replace(/\/+$/, '');
  const pageSize = options.pageSize ?? 200;

  async function get(path: string): Promise<unknown> {
    const res = await httpCall({
      method: 'GET',
      url: `${base}${path}`,
      timeoutMs: options.timeoutMs,
      headers: { 'X-Api-Key': options.apiKey, Accept: 'application/json' },
    });
    if (res.status >= 300) throw disabilityError(res);
    return res.json();
  }

  async function put({ cardNo, person }: AddressedPerson): Promise<HttpResponse> {
    const res = await httpCall({
      method: 'PUT',
      url: `${base}/api/persons/${encodeURIComponent(cardNo)}`,
      timeoutMs: options.timeoutMs,
      body: JSON.stringify(person),
      headers: {
        'X-Api-Key': options.apiKey,
        Accept: 'application/json',
        'Content-Type': 'application/json; charset=utf-8',
      },
    });
    if (res.status >= 300) throw disabilityError(res);
    return res;
  }

  async function endCertificate(certificate: AddressedPerson): Promise<void> {
    try {
      await put(certificate);
    } catch (error) {
      const alreadyEnded = error instanceof ConnectorError && error.details.status === 422;
      if (!alreadyEnded) throw error;
    }
  }

  const resident = (subject: SubjectSnapshot): ResidentSnapshot => {
    if (subject.type !== 'resident') throw new ConnectorError('invalid', `${DISABILITY} takes residents`);
    return subject;
  };

  return {
    slug: DISABILITY,
    keyedByIdNumber: true,
    mode: 'online',
    relevant: isDisabilityRelevant,
    map: (subject) => ({ ...toDisabilityPerson(resident(subject), 'valid').person }),

    async push(subject, known: KnownRecord | null) {
      const person = resident(subject);
      const current = toDisabilityPerson(person, 'valid');
      await put(current);
      if (known?.externalId && known.externalId !== current.cardNo) {
        await endCertificate(underCertificate(person, known.externalId, 'revoked'));
      }
      return { externalId: current.cardNo };
    },

    async end(subject, known) {
      const person = resident(subject);
      // Never sent: writing an ended certificate would create one the department never issued.
      if (!known?.externalId) return;
      await endCertificate(underCertificate(person, known.externalId, disabilityEndStatus(person)));
    },

    async *exportAll() {
      for (let page = 1; ; page++) {
        const items = pagedItems(await get(`/api/persons?page=${page}&pageSize=${pageSize}`));
        yield* items;
        if (items.length < pageSize) return;
      }
    },

    exportReader: disabilityExportReader,

    async changes(cursor: string | null): Promise<ChangePage> {
      const body = await get(`/api/persons/changes${cursor ? `?since=${encodeURIComponent(cursor)}` : ''}`);
      const records = pagedItems(body);
      const changes = records
        // An entry wraps the certificate as it stands after the change.
        .map((entry) =>
          disabilityChange((entry.person ?? entry) as Record<string, unknown>, changeTime(entry)),
        )
        .filter((change) => change !== null);
      const latest = records.map(changeTime).reduce((a, b) => (b > a ? b : a), '');
      const next = firstString(unwrapped(body), ['cursor', 'nextCursor', 'next']) ?? (latest || cursor);
      return { changes: withoutSupersededRevocations(changes), cursor: next ?? '' };
    },
  };
}

/** For callers that hold an ID number and a tag but no record yet (import, reconciliation). */
export const disabilityCardNo = cardNumber;

function changeTime(record: Record<string, unknown>): string {
  return firstString(record, ['changedAt', 'updatedAt', 'changeTime', 'time']) ?? '';
}

function firstString(body: Record<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = body[key];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}
