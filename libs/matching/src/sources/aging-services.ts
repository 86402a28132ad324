/**
 * 老龄办 养老服务: one elder per record. Legacy records from before 2010 hold 15-digit ID numbers
 * (upgraded by the normaliser); addresses and phones are often stale, which is for matching to
 * weigh, not for us to drop.
 */
import { LIVING_STATUS } from '@hub/domain';
import type { SourcePerson } from '../source-person';
import { codeOrNull, sourcePerson, text, type RawRecord } from './fields';

export const AGING_SERVICES = 'aging-services';

/** `status`: `active`, `deceased`, `moved` (away; the department keeps the record). */
function statusAttributes(status: string): Record<string, string | null> {
  switch (status) {
    case 'active':
      return { lifeStatus: 'alive', residenceStatus: 'present', status: 'active' };
    case 'deceased':
      return { lifeStatus: 'deceased', residenceStatus: null, status: 'ended' };
    case 'moved':
      return { lifeStatus: 'alive', residenceStatus: 'moved_out', status: 'ended' };
    default:
      return { lifeStatus: null, residenceStatus: null, status: null };
  }
}

export function toSourcePersons(raw: RawRecord): SourcePerson[] {
  const attributes = {
    livingStatus: codeOrNull(LIVING_STATUS, raw.livingStatus),
    ...statusAttributes(text(raw.status)),
  };
  const stated = {
    idNumber: raw.idCard,
    name: raw.name,
    gender: raw.gender,
    birthDate: raw.birthDate,
    phone: raw.phone,
    address: raw.address,
  };
  return [sourcePerson(AGING_SERVICES, text(raw.elderId), stated, attributes)];
}
