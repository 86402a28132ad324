/**
 * 综治办 网格化社会治理平台: its export lists persons (`personId`) and then houses (`houseId`) in one
 * stream; a house is a place, not a person, and yields nothing. Grid workers write the flat
 * without district or street (`青龙苑3-2-501`), so the district comes from the grid code.
 * The same person is often registered twice by different workers: both records are kept, for
 * matching to join.
 */
import { DISTRICTS, REGISTRATION_TYPE } from '@hub/domain';
import { parseAddress } from '../normalise';
import type { SourceHousehold, SourcePerson } from '../source-person';
import { ethnicityCodeOf } from './code-words';
import { sourcePerson, text, translated, type RawRecord } from './fields';

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.map(text).filter(Boolean) : []);

export const GRID_GOVERNANCE = 'grid-governance';

/** 12-digit community code + 3-digit grid number; the first 6 digits are the district. */
const GRID_CODE = /^\d{15}$/;

const REGISTRATION_TYPES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(REGISTRATION_TYPE).map(([code, word]) => [word, code]),
);

/**
 * The platform's tags the unified record has a field for: the hub itself tags 独居老人 for
 * `alone` and 空巢老人 for `with_spouse` (see the connector's focus tags). Other tags
 * (残疾人, 低保户, …) name no value a field could take.
 */
function livingStatusOf(tags: unknown): string | null {
  const list = Array.isArray(tags) ? tags.map(text) : [];
  if (list.includes('独居老人')) return 'alone';
  if (list.includes('空巢老人')) return 'with_spouse';
  return null;
}

/** `status`: `normal`, `left` (moved away), `deceased`. */
function statusAttributes(status: string): Record<string, string | null> {
  switch (status) {
    case 'normal':
      return { lifeStatus: 'alive', residenceStatus: 'present', status: 'active' };
    case 'left':
      return { lifeStatus: 'alive', residenceStatus: 'moved_out', status: 'ended' };
    case 'deceased':
      return { lifeStatus: 'deceased', residenceStatus: null, status: 'ended' };
    default:
      return { lifeStatus: null, residenceStatus: null, status: null };
  }
}

const isHouse = (raw: RawRecord): boolean => text(raw.houseId) !== '' && text(raw.personId) === '';

export function toSourcePersons(raw: RawRecord): SourcePerson[] {
  if (isHouse(raw)) return [];
  const gridCode = GRID_CODE.test(text(raw.gridCode)) ? text(raw.gridCode) : null;
  const address = parseAddress(raw.houseAddress);
  const district = gridCode ? translated(DISTRICTS, gridCode.slice(0, 6)) : null;
  const stated = {
    idNumber: raw.idNo,
    name: raw.name,
    gender: raw.sex,
    birthDate: raw.birthday,
    phone: raw.phone,
    address: address && { ...address, district: address.district ?? district },
  };
  const attributes = {
    ethnicity: ethnicityCodeOf(raw.nation),
    registrationType: translated(REGISTRATION_TYPES, raw.personType),
    communityCode: gridCode?.slice(0, 12) ?? null,
    gridCode,
    livingStatus: livingStatusOf(raw.focusTags),
    ...statusAttributes(text(raw.status)),
  };
  return [sourcePerson(GRID_GOVERNANCE, text(raw.personId), stated, attributes)];
}

/** A house (`houseId`): its members and head as the platform's personIds, its flat and grid cell. */
export function toSourceHouseholds(raw: RawRecord): SourceHousehold[] {
  if (!isHouse(raw)) return [];
  const gridCode = GRID_CODE.test(text(raw.gridCode)) ? text(raw.gridCode) : null;
  const address = parseAddress(raw.address);
  const district = gridCode ? translated(DISTRICTS, gridCode.slice(0, 6)) : null;
  return [
    {
      system: GRID_GOVERNANCE,
      recordId: text(raw.houseId),
      memberRecordIds: ids(raw.memberPersonIds),
      headRecordId: text(raw.headPersonId) || null,
      address: address && { ...address, district: address.district ?? district },
      gridCode,
    },
  ];
}
