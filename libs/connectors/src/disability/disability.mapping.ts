/**
 * Resident snapshot ⇄ the 残联 person record. Only the fields the spec lists; `guardianName` and
 * `guardianPhone` are listed but the unified record holds no guardian, so they are never sent
 * (the department's own entries stay). The certificate number is derived, never trusted from the
 * snapshot: the department refuses one that does not match ID + type + grade.
 */
import type { ResidentSnapshot } from '@hub/domain';
import { binaryGender, ConnectorError, type InboundChange } from '../common';
import { cardNumber, parseCardNumber } from './disability.codes';
import type { DisabilityPerson, DisabilityStatus } from './disability.types';

export interface AddressedPerson {
  cardNo: string;
  person: DisabilityPerson;
}

/** The person under the certificate the snapshot describes now. */
export function toDisabilityPerson(resident: ResidentSnapshot, status: DisabilityStatus): AddressedPerson {
  if (!resident.disability)
    throw new ConnectorError('invalid', 'the resident holds no disability certificate');
  if (!resident.idNumber) throw new ConnectorError('invalid', '残疾人证需要公民身份号码');
  const { type, grade } = resident.disability;
  const cardNo = cardNumber(resident.idNumber, type, grade);
  return { cardNo, person: person(resident, resident.idNumber, type, grade, status) };
}

/**
 * The person under a certificate the department already holds (re-graded, or being ended): its
 * ID, type and grade come from that certificate's number, or the department would refuse (422).
 */
export function underCertificate(
  resident: ResidentSnapshot,
  cardNo: string,
  status: DisabilityStatus,
): AddressedPerson {
  const card = parseCardNumber(cardNo);
  if (!card) throw new ConnectorError('invalid', 'the known certificate number is not 20 characters');
  return { cardNo, person: person(resident, card.idNumber, card.type, card.grade, status) };
}

function person(
  resident: ResidentSnapshot,
  idNumber: string,
  type: string,
  grade: string,
  status: DisabilityStatus,
): DisabilityPerson {
  const gender = binaryGender(resident.gender, idNumber);
  return {
    name: resident.name,
    idNumber,
    ...(gender && { gender: gender === 'male' ? '1' : '2' }),
    birthDate: resident.birthDate.replace(/-/g, ''),
    disabilityType: type,
    disabilityGrade: grade,
    phone: resident.phone,
    address: resident.currentAddress?.fullText ?? null,
    status,
  };
}

export const disabilityEndStatus = (resident: ResidentSnapshot): DisabilityStatus =>
  resident.lifeStatus === 'deceased' ? 'deceased' : 'revoked';

/**
 * One changed record of the department as an inbound change: only the certificate (type, grade,
 * number), for which the department is authoritative. A valid certificate states it; a revoked one
 * clears it. A `deceased` record states a death, for which the police are authoritative: it yields
 * no change (null). Names, phones and addresses belong to others.
 */
export function disabilityChange(record: Record<string, unknown>, changedAt: string): InboundChange | null {
  const cardNo = typeof record.cardNo === 'string' ? record.cardNo : '';
  const card = parseCardNumber(cardNo);
  if (!card || record.status === 'deceased') return null;
  const valid = record.status === 'valid';
  return {
    externalId: cardNo,
    idNumber: card.idNumber,
    fields: {
      disabilityType: valid ? card.type : null,
      disabilityGrade: valid ? card.grade : null,
      disabilityCertificateNo: valid ? cardNo : null,
    },
    changedAt,
  };
}

/**
 * A re-grading revokes the old certificate and issues a new one; in whatever order the department
 * lists them, the revocation of a certificate that a valid one of the same person in the same page
 * replaces must not clear the new one. (The hub should likewise ignore a revocation whose number is
 * not the person's current certificate, for pairs split across pages.)
 */
export function withoutSupersededRevocations(changes: InboundChange[]): InboundChange[] {
  const validCards = new Map<string | null, Set<string | null>>();
  for (const c of changes) {
    if (c.fields.disabilityCertificateNo === null) continue;
    validCards.set(c.idNumber, (validCards.get(c.idNumber) ?? new Set()).add(c.externalId));
  }
  return changes.filter((c) => {
    if (c.fields.disabilityCertificateNo !== null) return true;
    const replacements = [...(validCards.get(c.idNumber) ?? [])].filter((card) => card !== c.externalId);
    return replacements.length === 0;
  });
}
