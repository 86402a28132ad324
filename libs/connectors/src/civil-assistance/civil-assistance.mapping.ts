/**
 * Household snapshot ⇄ the 民政局 household document. Only the fields the spec lists; codes
 * translated; the head first with 户主 whatever its GB/T 4761 code (01 本人 or 02 户主).
 */
import {
  HEAD_RELATIONS,
  normaliseCitizenId,
  upgradeLegacyCitizenId,
  type HouseholdMemberSnapshot,
  type HouseholdSnapshot,
} from '@hub/domain';
import { binaryGender, ConnectorError, type InboundChange } from '../common';
import {
  isAssistanceType,
  isRelationCode,
  relationCodeFromWord,
  relationWord,
} from './civil-assistance.codes';
import type { CivilHousehold, CivilMember } from './civil-assistance.types';

export function toCivilHousehold(
  household: HouseholdSnapshot,
  status: CivilHousehold['status'],
): CivilHousehold {
  const [head, ...others] = headFirst(household);
  if (!head?.idNumber) throw new ConnectorError('invalid', '户主缺少公民身份号码，无法报送低保家庭');
  const assistance = household.assistance;
  return {
    headName: head.name,
    headIdCard: head.idNumber,
    address: household.address.fullText,
    ...(assistance && {
      assistanceType: assistance.type,
      monthlyAmount: Math.round(Number(assistance.amount) * 100) / 100,
      approvedOn: assistance.approvedOn,
    }),
    status,
    members: [toMember(head, '户主'), ...others.map((m) => toMember(m, memberWord(m)))],
  };
}

function headFirst(household: HouseholdSnapshot): HouseholdMemberSnapshot[] {
  const members = household.members;
  if (members.length === 0) return [];
  const byId = members.findIndex((m) => m.residentId === household.headResidentId);
  const byRelation = members.findIndex((m) => HEAD_RELATIONS.includes(m.relation));
  // The snapshot lists the head first anyway; the id and the relation only guard that order.
  const index = byId >= 0 ? byId : Math.max(0, byRelation);
  return [members[index], ...members.filter((_, i) => i !== index)];
}

function memberWord(member: HouseholdMemberSnapshot): CivilMember['relation'] {
  if (!isRelationCode(member.relation)) {
    throw new ConnectorError('invalid', `unknown GB/T 4761 relation code ${member.relation}`);
  }
  return relationWord(member.relation, binaryGender(member.gender, member.idNumber));
}

function toMember(member: HouseholdMemberSnapshot, relation: CivilMember['relation']): CivilMember {
  const gender = binaryGender(member.gender, member.idNumber);
  return {
    name: member.name,
    idCard: member.idNumber,
    ...(gender && { gender: gender === 'male' ? '男' : '女' }),
    relation,
  };
}

/** A household as the department states it, in unified-record names and codes (for import). */
export interface CivilHouseholdAsUnified {
  householdNo: string | null;
  headIdNumber: string | null;
  assistanceType: CivilHousehold['assistanceType'] | null;
  assistanceAmount: string | null;
  assistanceApprovedOn: string | null;
  members: Array<{ name: string; idNumber: string | null; gender: string; relation: string }>;
}

export function fromCivilHousehold(doc: Record<string, unknown>): CivilHouseholdAsUnified {
  const assistance = doc.status === 'ended' ? null : civilAssistanceOf(doc);
  const members = Array.isArray(doc.members) ? (doc.members as Record<string, unknown>[]) : [];
  return {
    householdNo: stringOrNull(doc.householdNo),
    headIdNumber: idNumberOrNull(doc.headIdCard),
    assistanceType: assistance?.type ?? null,
    assistanceAmount: assistance?.amount ?? null,
    assistanceApprovedOn: assistance?.approvedOn ?? null,
    members: members.map((m) => ({
      name: String(m.name ?? ''),
      idNumber: idNumberOrNull(m.idCard),
      gender: m.gender === '男' ? '1' : m.gender === '女' ? '2' : '0',
      relation: relationCodeFromWord(String(m.relation ?? '')),
    })),
  };
}

/** The assistance a document states, whatever its status (ending re-sends the department's own). */
export function civilAssistanceOf(doc: Record<string, unknown>): HouseholdSnapshot['assistance'] {
  const amount = amountOrNull(doc.monthlyAmount);
  const approvedOn = stringOrNull(doc.approvedOn);
  if (!isAssistanceType(doc.assistanceType) || amount === null || approvedOn === null) return null;
  return { type: doc.assistanceType, amount, approvedOn };
}

/**
 * One entry of the department's change feed as an inbound change. Only the assistance fields:
 * the department is authoritative for 低保/特困 status and amount, not for names, ID numbers or
 * relations (police) nor the address (community entry). A termination clears all three.
 */
export function civilChange(doc: Record<string, unknown>, changedAt: string): InboundChange {
  const unified = fromCivilHousehold(doc);
  return {
    subjectType: 'household',
    externalId: unified.householdNo,
    idNumber: unified.headIdNumber,
    fields: {
      assistanceType: unified.assistanceType,
      assistanceAmount: unified.assistanceAmount,
      assistanceApprovedOn: unified.assistanceApprovedOn,
    },
    changedAt,
  };
}

const stringOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

function idNumberOrNull(value: unknown): string | null {
  const raw = stringOrNull(value);
  if (!raw) return null;
  const id = normaliseCitizenId(raw);
  return /^\d{15}$/.test(id) ? upgradeLegacyCitizenId(id) : id;
}

function amountOrNull(value: unknown): string | null {
  const amount = typeof value === 'number' ? value : Number(stringOrNull(value) ?? NaN);
  return Number.isFinite(amount) ? amount.toFixed(2) : null;
}
