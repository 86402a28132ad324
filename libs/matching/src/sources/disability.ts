/**
 * 残联 残疾人人口基础数据库: one certificate per record. A re-graded person has a revoked and a
 * valid certificate, each its own record (`cardNo` = ID number + type + grade); `status` tells
 * which is current. A record without `idNumber` still names the person through its `cardNo`.
 */
import { DISABILITY_GRADE, DISABILITY_TYPE } from '@hub/domain';
import type { SourcePerson } from '../source-person';
import { codeOrNull, sourcePerson, text, textOrNull, type RawRecord } from './fields';

export const DISABILITY = 'disability';

/** Second-generation certificate: 18-character ID number, type digit, grade digit. */
const CARD_NUMBER = /^(\d{17}[\dXx])\d{2}$/;

/** `status`: `valid`, `revoked` (re-graded or withdrawn), `deceased`. */
function statusAttributes(status: string): Record<string, string | null> {
  switch (status) {
    case 'valid':
      return { lifeStatus: 'alive', status: 'active' };
    case 'revoked':
      return { lifeStatus: null, status: 'ended' };
    case 'deceased':
      return { lifeStatus: 'deceased', status: 'ended' };
    default:
      return { lifeStatus: null, status: null };
  }
}

export function toSourcePersons(raw: RawRecord): SourcePerson[] {
  const cardNo = text(raw.cardNo);
  const stated = {
    idNumber: textOrNull(raw.idNumber) ?? CARD_NUMBER.exec(cardNo)?.[1],
    name: raw.name,
    gender: raw.gender,
    birthDate: raw.birthDate,
    phone: raw.phone,
    address: raw.address,
  };
  const attributes = {
    disabilityType: codeOrNull(DISABILITY_TYPE, raw.disabilityType),
    disabilityGrade: codeOrNull(DISABILITY_GRADE, raw.disabilityGrade),
    disabilityCertificateNo: cardNo || null,
    ...statusAttributes(text(raw.status)),
  };
  return [sourcePerson(DISABILITY, cardNo, stated, attributes)];
}
