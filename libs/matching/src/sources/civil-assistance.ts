/**
 * 民政局 社会救助: one household document, one person per member (`<householdNo>/<index>`, the
 * head first with `户主`). Members have no birth date or phone; children often no ID number, so
 * matching has their name, the household's address and their relation to go on.
 */
import { ASSISTANCE_TYPE } from '@hub/domain';
import { normaliseDate } from '../normalise';
import type { SourcePerson } from '../source-person';
import { relationCodeOf } from './code-words';
import { codeOrNull, isRecord, oneOf, sourcePerson, text, textOrNull, type RawRecord } from './fields';

export const CIVIL_ASSISTANCE = 'civil-assistance';

const STATUSES = ['active', 'ended'] as const;

/** Yuan with 2 decimals, as the hub's household keeps the amount (`1260.50`). */
function amount(value: unknown): string | null {
  const yuan = typeof value === 'number' ? value : Number(text(value) || Number.NaN);
  return Number.isFinite(yuan) && yuan >= 0 ? yuan.toFixed(2) : null;
}

export function toSourcePersons(raw: RawRecord): SourcePerson[] {
  const householdNo = text(raw.householdNo);
  const address = textOrNull(raw.address);
  const household = {
    householdNo: householdNo || null,
    assistanceType: codeOrNull(ASSISTANCE_TYPE, raw.assistanceType),
    assistanceAmount: amount(raw.monthlyAmount),
    assistanceApprovedOn: normaliseDate(raw.approvedOn),
    status: oneOf(raw.status, STATUSES),
  };
  const listed = Array.isArray(raw.members) ? raw.members.filter(isRecord) : [];
  // A document without members still names its head: he is member 0, as the head always is.
  const members: RawRecord[] =
    listed.length > 0 ? listed : [{ name: raw.headName, idCard: raw.headIdCard, relation: '户主' }];
  return members.map((member, index) =>
    sourcePerson(
      CIVIL_ASSISTANCE,
      `${householdNo}/${index}`,
      { idNumber: member.idCard, name: member.name, gender: member.gender, address },
      { ...household, relation: relationCodeOf(member.relation) },
    ),
  );
}
