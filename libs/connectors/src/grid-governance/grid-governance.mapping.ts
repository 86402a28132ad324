import type { HouseholdSnapshot, ResidentSnapshot } from '@hub/domain';
import type { InboundChange } from '../common';
import {
  fromGridSex,
  fromNation,
  fromPersonType,
  toGridSex,
  toNation,
  toPersonType,
} from './grid-governance.codes';
import { focusTagsOf } from './grid-governance.focus-tags';
import type { GridEvent, GridHouse, GridPerson, GridPersonStatus } from './grid-governance.types';

/** Only the spec's person fields; unknown sex, nation or phone are left out, not sent empty. */
export function toGridPerson(
  resident: ResidentSnapshot,
  on: Date,
  status: GridPersonStatus,
  personId?: string | null,
): GridPerson {
  const person: GridPerson = {
    gridCode: resident.currentAddress?.gridCode ?? '',
    name: resident.name,
    idNo: resident.idNumber ?? '',
    birthday: resident.birthDate,
    personType: toPersonType(resident.registrationType),
    focusTags: focusTagsOf(resident, on),
    status,
  };
  if (personId) person.personId = personId;
  const sex = toGridSex(resident.gender);
  if (sex) person.sex = sex;
  const nation = toNation(resident.ethnicity);
  if (nation) person.nation = nation;
  if (resident.phone) person.phone = resident.phone;
  if (resident.currentAddress) person.houseAddress = resident.currentAddress.text;
  return person;
}

/** How a person ends: the platform's status (a resident still present never reaches `end`). */
export function endStatusOf(resident: ResidentSnapshot): GridPersonStatus {
  return resident.lifeStatus === 'deceased' ? 'deceased' : 'left';
}

/**
 * The house of a household. Members are named by platform personIds; a member the platform does
 * not know yet is left out and appears when the house is sent again after their first push.
 * A dissolved household (houses have no status) is sent with no head and no members.
 */
export function toGridHouse(
  household: HouseholdSnapshot,
  personIds: Record<string, string>,
  houseId?: string | null,
): GridHouse {
  const dissolved = household.status === 'dissolved';
  const house: GridHouse = {
    gridCode: household.address.gridCode ?? '',
    address: household.address.text,
    memberPersonIds: dissolved
      ? []
      : household.members.map((m) => personIds[m.residentId]).filter((id): id is string => !!id),
  };
  if (houseId) house.houseId = houseId;
  const head = household.headResidentId ? personIds[household.headResidentId] : undefined;
  // No head (he died, the household dissolved): an empty head, or the platform keeps the old one
  // and refuses the house because he is no longer a member.
  house.headPersonId = head && !dissolved ? head : '';
  return house;
}

/** What a person record states, in unified-record names (a new tenant is an unknown subject). */
function statedFields(person: GridPerson): Record<string, unknown> {
  const fields: Record<string, unknown> = { name: person.name, birthDate: person.birthday };
  const gender = fromGridSex(person.sex);
  if (gender) fields.gender = gender;
  const ethnicity = fromNation(person.nation);
  if (ethnicity) fields.ethnicity = ethnicity;
  if (person.phone) fields.phone = person.phone;
  const registrationType = fromPersonType(person.personType);
  if (registrationType) fields.registrationType = registrationType;
  return fields;
}

/**
 * A grid worker's finding as an inbound change: only what that finding says (no moved-out or
 * death date: the worker reports the day of the visit, not of the fact). The platform is
 * authoritative for phone and residence (community entry); a death it reports is a proposal the
 * police confirm. Other events (house changes, our own upserts echoed) carry the person's stated
 * fields; the hub drops its own echoes.
 */
export function fromGridEvent(event: GridEvent): InboundChange | null {
  const person = event.person;
  const base = { externalId: event.personId ?? person?.personId ?? null, changedAt: event.occurredAt };
  const idNumber = person?.idNo || null;
  switch (event.type) {
    case 'PHONE_CHANGED':
      return { ...base, idNumber, fields: { phone: person?.phone ?? null } };
    case 'PERSON_LEFT':
      return { ...base, idNumber, fields: { residenceStatus: 'moved_out' } };
    case 'PERSON_DECEASED':
      return { ...base, idNumber, fields: { lifeStatus: 'deceased' } };
    default:
      return person ? { ...base, idNumber, fields: statedFields(person) } : null;
  }
}
