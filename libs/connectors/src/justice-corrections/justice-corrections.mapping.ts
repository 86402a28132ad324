import type { ResidentSnapshot } from '@hub/domain';
import type { InboundChange } from '../common';
import { isInCorrections } from './justice-corrections.codes';
import type { SqjzRecord, SqjzStatus } from './justice-corrections.types';

/**
 * The record as the system takes it: only the spec's fields. `jzlb` is the hub's corrections
 * type as is (both use the court's 1-4); `xb` is the GB/T 2261.1 code (the spec names the field
 * but no word list); `jzdz` is the full current address. Residents without a current term are
 * never mapped: relevance excludes them.
 */
export function toSqjzRecord(
  resident: ResidentSnapshot,
  zt: SqjzStatus,
  sqjzrybh?: string | null,
): SqjzRecord {
  const term = resident.corrections;
  if (!term) throw new Error('justice-corrections: resident has no corrections term');
  const record: SqjzRecord = {
    xm: resident.name,
    xb: resident.gender,
    jzlb: term.type,
    jzqxStart: term.start,
    jzqxEnd: term.end,
    zt,
  };
  if (sqjzrybh) record.sqjzrybh = sqjzrybh;
  // Someone under corrections always has an ID number; if the hub lacks it, the department
  // refuses with its own message rather than us inventing one.
  if (resident.idNumber) record.sfzh = resident.idNumber;
  if (resident.phone) record.lxdh = resident.phone;
  if (resident.currentAddress) record.jzdz = resident.currentAddress.fullText;
  return record;
}

/**
 * A record from the change feed. The department is authoritative for the corrections status and
 * term only; the name, phone and address it holds came from us and are not read back. A record
 * released (`zt` 2) clears the status.
 */
export function fromSqjzRecord(record: Partial<SqjzRecord>, changedAt: string): InboundChange {
  const fields: Record<string, unknown> = {};
  if (record.zt !== undefined && !isInCorrections(record.zt)) fields.corrections = null;
  else if (record.zt !== undefined && record.jzlb && record.jzqxStart && record.jzqxEnd) {
    fields.corrections = { type: record.jzlb, start: record.jzqxStart, end: record.jzqxEnd };
  }
  return { externalId: record.sqjzrybh ?? null, idNumber: record.sfzh || null, fields, changedAt };
}
