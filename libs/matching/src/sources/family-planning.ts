/**
 * 卫生计生委 全员人口: one row of the master table `t_rk_jbxx`. The department deletes ended persons,
 * so every row is current. Spouse ID numbers are sometimes the person's own or mistyped: the
 * person's own is dropped, a mistyped one is kept normalised (matching can see it is not valid).
 */
import { MARITAL_STATUS } from '@hub/domain';
import { normaliseIdNumber } from '../normalise';
import type { SourcePerson } from '../source-person';
import { codeOrNull, sourcePerson, text, textOrNull, type RawRecord } from './fields';

export const FAMILY_PLANNING = 'family-planning';

/** `90` is the standard's "not stated": no more than an empty column. */
const NOT_STATED = '90';

export function toSourcePersons(raw: RawRecord): SourcePerson[] {
  const maritalStatus = codeOrNull(MARITAL_STATUS, raw.hyzk, 2);
  const person = sourcePerson(
    FAMILY_PLANNING,
    text(raw.rkbh),
    { idNumber: raw.sfzh, name: raw.xm, gender: raw.xb, birthDate: raw.csrq },
    {
      maritalStatus: maritalStatus === NOT_STATED ? null : maritalStatus,
      householdNo: textOrNull(raw.hh),
      status: 'active',
    },
  );
  const spouse = normaliseIdNumber(raw.pobsfzh).idNumber;
  person.attributes.spouseIdNumber = spouse !== null && spouse !== person.idNumber ? spouse : null;
  return [person];
}
