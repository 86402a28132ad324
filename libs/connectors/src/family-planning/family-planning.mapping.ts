import { normaliseCitizenId, type ResidentSnapshot } from '@hub/domain';
import type { ExportReader, InboundChange } from '../common';
import { isGenderCode, maritalStatusCode } from './family-planning.codes';
import type { FamilyPlanningPerson, MasterRow } from './family-planning.types';

/**
 * The person as `t_rk_in` takes it: exactly the spec's fields (xm, sfzh, xb, csrq, hyzk, pobsfzh,
 * znsl, hh). A spouse number equal to the person's own is a known slip in this system: it is not
 * repeated back to it.
 */
export function toFamilyPlanningPerson(resident: ResidentSnapshot): FamilyPlanningPerson {
  const sfzh = resident.idNumber ? normaliseCitizenId(resident.idNumber) : null;
  const spouse = resident.spouseIdNumber ? normaliseCitizenId(resident.spouseIdNumber) : null;
  return {
    xm: resident.name,
    sfzh,
    xb: resident.gender,
    csrq: resident.birthDate,
    hyzk: maritalStatusCode(resident.maritalStatus),
    pobsfzh: spouse !== null && spouse !== sfzh ? spouse : null,
    znsl: resident.childrenCount,
    hh: resident.household?.householdNo ?? null,
  };
}

/** `yyyy-MM-dd HH:mm:ss` (Beijing time, fractions dropped) as an ISO instant with its offset. */
export function departmentTimeToIso(gxsj: string): string {
  return `${gxsj.slice(0, 10)}T${gxsj.slice(11, 19)}+08:00`;
}

/**
 * A master-table row as the department states it, in unified-record names. The department is
 * authoritative for none of them (police is, for identity; community entry for marital status):
 * they are proposals the hub reviews under the field-authority rules. Births registered at the
 * clinic arrive this way. `pobsfzh` and `znsl` are left out: the hub derives them from the
 * household, and the department's copies are known to be mistyped. `householdNo` is the
 * household the person states, so a newborn can be placed.
 */
export function fromMasterRow(row: MasterRow): InboundChange {
  const idNumber = row.sfzh ? normaliseCitizenId(row.sfzh) : null;
  const fields: Record<string, unknown> = {};
  if (row.xm) fields.name = row.xm.trim();
  if (idNumber) fields.idNumber = idNumber;
  if (row.xb && isGenderCode(row.xb.trim())) fields.gender = row.xb.trim();
  if (row.csrq) fields.birthDate = row.csrq.slice(0, 10);
  if (row.hyzk && row.hyzk.trim() !== '90') fields.maritalStatus = row.hyzk.trim();
  if (row.hh) fields.householdNo = row.hh.trim();
  return { externalId: row.rkbh, idNumber, fields, changedAt: departmentTimeToIso(row.gxsj) };
}

/**
 * Reading an exported master row back (reconciliation): the department deletes ended persons, so
 * every row it still holds is current; the comparable shape is `toFamilyPlanningPerson`'s.
 */
export const familyPlanningExportReader: ExportReader = {
  fields: {
    xm: 'name',
    sfzh: 'idNumber',
    xb: 'gender',
    csrq: 'birthDate',
    hyzk: 'maritalStatus',
    pobsfzh: 'household',
    znsl: 'household',
    hh: 'household',
  },
  identify: (record) => ({
    externalId: record.rkbh ? String(record.rkbh) : null,
    idNumber: record.sfzh ? normaliseCitizenId(String(record.sfzh)) : null,
    active: true,
  }),
  comparable: (record) => {
    const row = record as unknown as MasterRow;
    return {
      xm: row.xm,
      sfzh: row.sfzh ? normaliseCitizenId(row.sfzh) : null,
      xb: row.xb,
      csrq: row.csrq,
      hyzk: row.hyzk,
      pobsfzh: row.pobsfzh || null,
      znsl: Number(row.znsl),
      hh: row.hh || null,
    };
  },
};
