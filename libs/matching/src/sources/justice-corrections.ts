/**
 * 司法局 社区矫正: one decrypted record of `/api/sqjz/ryxx/list`. Released persons stay listed with
 * `zt` 2. The record states no birth date; `jzdz` (residence address) is the address compared.
 * Corrections facts are sensitive: they travel as attributes only, for the golden record.
 */
import { CORRECTIONS_TYPE } from '@hub/domain';
import { normaliseDate } from '../normalise';
import type { SourcePerson } from '../source-person';
import { codeOrNull, sourcePerson, text, translated, type RawRecord } from './fields';

export const JUSTICE_CORRECTIONS = 'justice-corrections';

/** `zt`: `1` in corrections, `2` released. */
const STATUSES: Readonly<Record<string, string>> = { '1': 'active', '2': 'ended' };

export function toSourcePersons(raw: RawRecord): SourcePerson[] {
  const stated = { idNumber: raw.sfzh, name: raw.xm, gender: raw.xb, phone: raw.lxdh, address: raw.jzdz };
  const attributes = {
    correctionsType: codeOrNull(CORRECTIONS_TYPE, raw.jzlb),
    correctionsStart: normaliseDate(raw.jzqxStart),
    correctionsEnd: normaliseDate(raw.jzqxEnd),
    status: translated(STATUSES, raw.zt),
  };
  return [sourcePerson(JUSTICE_CORRECTIONS, text(raw.sqjzrybh), stated, attributes)];
}
