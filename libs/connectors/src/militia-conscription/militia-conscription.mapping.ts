import { normaliseCitizenId, type ResidentSnapshot } from '@hub/domain';
import { ConnectorError } from '../common';
import { educationWord, politicalWord } from './militia-conscription.codes';
import type { RegistrationType, RosterEntry } from './militia-conscription.types';

/** `yyyy-MM-dd` → the template's `yyyy.MM`. */
export const birthMonth = (birthDate: string): string => `${birthDate.slice(0, 4)}.${birthDate.slice(5, 7)}`;

/**
 * One roster line: exactly the template's columns (序号 is the line's place in its roster).
 * The ID number is the department's only key, so a resident without one cannot be registered.
 */
export function toRosterEntry(resident: ResidentSnapshot, registrationType: RegistrationType): RosterEntry {
  if (!resident.idNumber) throw new ConnectorError('invalid', 'militia-conscription is keyed by ID number');
  return {
    姓名: resident.name,
    公民身份号码: normaliseCitizenId(resident.idNumber),
    出生年月: birthMonth(resident.birthDate),
    文化程度: educationWord(resident.education),
    政治面貌: politicalWord(resident.politicalStatus),
    联系电话: resident.phone ?? '',
    户籍地: resident.registeredAddress ?? '',
    现居住地: resident.currentAddress?.fullText ?? '',
    登记类型: registrationType,
  };
}

/**
 * 初次登记 the first time the hub registers the man (it knows no record of him in this system),
 * 变更登记 afterwards, 注销登记 to end him.
 */
export function registrationTypeFor(action: 'upsert' | 'end', known: { externalId: string | null } | null) {
  if (action === 'end') return '注销登记' as const;
  return known === null ? ('初次登记' as const) : ('变更登记' as const);
}
