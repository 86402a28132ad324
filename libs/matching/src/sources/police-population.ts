/**
 * 公安局 实有人口: one person per `QueryRyxx` record (`<RY>`, GA pinyin-initial fields). The police
 * are the authority for identity, ethnicity, registered address and death, so everything they
 * state goes into the attributes. Legacy 15-digit `GMSFHM` are upgraded by the normaliser.
 */
import { ETHNICITY, RELATION_TO_HEAD } from '@hub/domain';
import type { SourcePerson } from '../source-person';
import { codeOrNull, sourcePerson, text, textOrNull, translated, type RawRecord } from './fields';

export const POLICE_POPULATION = 'police-population';

/** `ZT`: `0` normal, `1` dead, `2` moved out. */
function statusAttributes(zt: string): Record<string, string | null> {
  switch (zt) {
    case '0':
      return { lifeStatus: 'alive', residenceStatus: 'present', status: 'active' };
    case '1':
      return { lifeStatus: 'deceased', residenceStatus: null, status: 'ended' };
    case '2':
      return { lifeStatus: 'alive', residenceStatus: 'moved_out', status: 'ended' };
    default:
      return { lifeStatus: null, residenceStatus: null, status: null };
  }
}

const REGISTRATION_TYPES: Readonly<Record<string, string>> = { '1': 'registered', '2': 'floating' };

export function toSourcePersons(raw: RawRecord): SourcePerson[] {
  const registeredAddress = textOrNull(raw.HJDZ);
  const attributes = {
    ethnicity: codeOrNull(ETHNICITY, raw.MZ, 2),
    householdNo: textOrNull(raw.HH),
    relation: codeOrNull(RELATION_TO_HEAD, raw.YHZGX, 2),
    registeredAddress,
    registrationType: translated(REGISTRATION_TYPES, raw.RYLB),
    ...statusAttributes(text(raw.ZT)),
  };
  const person = sourcePerson(
    POLICE_POPULATION,
    text(raw.RYBH),
    {
      idNumber: raw.GMSFHM,
      name: raw.XM,
      gender: raw.XB,
      birthDate: raw.CSRQ,
      phone: raw.LXDH,
      // The current address (现住址) when there is one; a registered-only person lives where registered.
      address: textOrNull(raw.XZZ) ?? registeredAddress,
    },
    attributes,
  );
  return [person];
}
