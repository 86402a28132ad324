import { makeCitizenId } from '@hub/domain';
import type { ParsedAddress, SourcePerson } from '../../source-person';
import { prepare, type PreparedPerson } from '../prepared-person';

let counter = 0;

/** A plausible record for specs; every field can be overridden, `null` meaning absent. */
export function sourcePerson(overrides: Partial<SourcePerson> = {}): SourcePerson {
  const idNumber =
    overrides.idNumber === undefined ? makeCitizenId('320402', '1985-03-07', 123) : overrides.idNumber;
  return {
    system: 'police-population',
    recordId: `R${++counter}`,
    idNumberRaw: idNumber,
    idNumber,
    idValid: idNumber !== null,
    name: '张伟',
    gender: '1',
    birthDate: '1985-03-07',
    phone: '13912345678',
    address: address('红梅新村', '3', '2', '501'),
    attributes: {},
    ...overrides,
  };
}

export function preparedPerson(overrides: Partial<SourcePerson> = {}): PreparedPerson {
  return prepare(sourcePerson(overrides));
}

export function address(
  estate: string | null,
  building: string | null,
  unit: string | null,
  room: string | null,
): ParsedAddress {
  const text = `常州市天宁区${estate ?? ''}${building ?? ''}幢${unit ?? ''}单元${room ?? ''}室`;
  return { district: '天宁区', street: null, estate, building, unit, room, text };
}
