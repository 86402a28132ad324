import { normaliseCitizenId, type ResidentSnapshot } from '@hub/domain';
import { citizenIdForMatching, type InboundChange } from '../common';
import { registrationTypeOf, rylbOf } from './police-population.codes';
import type { PoliceRyxx } from './police-population.types';

const compactDate = (isoDate: string): string => isoDate.replace(/-/g, '');

const isoDate = (yyyyMMdd: string): string =>
  `${yyyyMMdd.slice(0, 4)}-${yyyyMMdd.slice(4, 6)}-${yyyyMMdd.slice(6, 8)}`;

/** `yyyyMMddHHmmss` on the department's clock (Beijing time) → ISO instant. */
export const instantOfBgsj = (bgsj: string): string =>
  `${isoDate(bgsj)}T${bgsj.slice(8, 10)}:${bgsj.slice(10, 12)}:${bgsj.slice(12, 14)}+08:00`;

/**
 * A living, present resident as SaveRyxx takes it. RYBH and BGSJ are the department's own;
 * ZT is `0` (ending goes through ZxRyxx). Unknown values are left out rather than sent empty,
 * so a fact the police hold is never cleared by one the hub lacks.
 */
export function toPoliceRecord(subject: ResidentSnapshot): PoliceRyxx {
  const rylb = rylbOf(subject.registrationType);
  if (!rylb) throw new RangeError('police-population: overseas residents are not covered');
  const record: PoliceRyxx = {
    GMSFHM: normaliseCitizenId(subject.idNumber ?? ''),
    XM: subject.name,
    XB: subject.gender,
    MZ: subject.ethnicity,
    CSRQ: compactDate(subject.birthDate),
    RYLB: rylb,
    ZT: '0',
  };
  // 户号 and the relation to its head belong to 户籍 households: a floating resident's household
  // in the hub (the house they rent) is no 户 of the police, whose 流动人口 records carry none.
  const household = subject.registrationType === 'registered' ? subject.household : null;
  const optional: Partial<PoliceRyxx> = {
    HH: household?.householdNo ?? undefined,
    YHZGX: household?.relation,
    HJDZ: subject.registeredAddress ?? undefined,
    XZZ: subject.currentAddress?.fullText,
    LXDH: subject.phone ?? undefined,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value) (record as unknown as Record<string, string>)[key] = value;
  }
  return record;
}

/**
 * A person from QueryBgxx → the facts the police are authoritative for (identity, registration,
 * household, death, moving out). Current address and phone are the community's: left out.
 */
export function fromPoliceRecord(ry: Partial<PoliceRyxx>): InboundChange {
  const fields: Record<string, unknown> = {};
  if (ry.XM) fields.name = ry.XM;
  if (ry.XB) fields.gender = ry.XB;
  if (ry.MZ) fields.ethnicity = ry.MZ;
  if (ry.CSRQ && /^\d{8}$/.test(ry.CSRQ)) fields.birthDate = isoDate(ry.CSRQ);
  if (ry.HJDZ) fields.registeredAddress = ry.HJDZ;
  if (ry.HH) fields.householdNo = ry.HH;
  if (ry.YHZGX) fields.relation = ry.YHZGX;
  const registrationType = registrationTypeOf(ry.RYLB ?? '');
  if (registrationType) fields.registrationType = registrationType;
  // ZT 0 states nothing: "normal" at the station must not undo a death or a move out the
  // community has entered and the station has not registered yet.
  if (ry.ZT === '1') fields.lifeStatus = 'deceased';
  if (ry.ZT === '2') fields.residenceStatus = 'moved_out';
  return {
    externalId: ry.RYBH || null,
    idNumber: ry.GMSFHM ? citizenIdForMatching(ry.GMSFHM) : null,
    fields,
    changedAt: ry.BGSJ ? instantOfBgsj(ry.BGSJ) : new Date().toISOString(),
  };
}
