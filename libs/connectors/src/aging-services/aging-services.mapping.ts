/**
 * Resident snapshot → the 老龄办 elder record: only the fields the spec lists. `emergencyContact`
 * is listed but the unified record holds no emergency contact: it is never sent (neither invented
 * from a relative nor sent empty), so whatever the department's own staff recorded stays theirs.
 */
import type { ResidentSnapshot } from '@hub/domain';
import { ageAt, binaryGender } from '../common';
import { agingLivingStatus, allowanceLevel } from './aging-services.codes';
import type { AgingElder } from './aging-services.types';

export function toAgingElder(resident: ResidentSnapshot, on: Date, status: AgingElder['status']): AgingElder {
  const gender = binaryGender(resident.gender, resident.idNumber);
  return {
    name: resident.name,
    idCard: resident.idNumber,
    ...(gender && { gender: gender === 'male' ? 'M' : 'F' }),
    birthDate: resident.birthDate,
    phone: resident.phone,
    address: resident.currentAddress?.fullText ?? null,
    livingStatus: agingLivingStatus(resident.livingStatus),
    allowanceLevel: allowanceLevel(ageAt(resident.birthDate, on)),
    status,
  };
}

/** How an elder leaves the register: the department knows only death and moving away. */
export const agingEndStatus = (resident: ResidentSnapshot): AgingElder['status'] =>
  resident.lifeStatus === 'deceased' ? 'deceased' : 'moved';
