/**
 * Reading the 居民健康档案 Patient export back for reconciliation. `comparable` gives the resource
 * in `toPatient`'s shape: one name, the resident-ID identifier, one phone, one address. Left out:
 * `id` and `meta` (the department's), `active` and `deceasedBoolean` (carried by
 * `identify().active`). A part the archive lacks (opened without an ID number, no phone) is
 * left out too, so it is not compared rather than reported as a difference.
 */
import { citizenIdForMatching, type ExportReader } from '../common';
import { RESIDENT_ID_SYSTEM, type FhirAddress, type FhirPatient } from './public-health.types';

const text = (value: unknown): string => String(value ?? '').trim();

/** Archive clerks typed spaces inside Chinese names (`王 建国`); between Han characters they mean nothing. */
export const archiveName = (name: unknown): string =>
  text(name).replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '');

/** The address parts map() writes, trimmed; parts the archive lacks stay absent. */
function addressOf(address: FhirAddress): FhirAddress {
  const out: FhirAddress = {};
  for (const key of ['text', 'city', 'district'] as const)
    if (text(address[key])) out[key] = text(address[key]);
  return out;
}

const residentIdOf = (patient: FhirPatient): string | null => {
  const value = text(patient.identifier?.find((i) => i.system === RESIDENT_ID_SYSTEM)?.value);
  return value ? citizenIdForMatching(value) : null;
};

export const publicHealthExportReader: ExportReader = {
  fields: {
    resourceType: 'derived',
    name: 'name',
    gender: 'gender',
    birthDate: 'birthDate',
    identifier: 'idNumber',
    telecom: 'phone',
    address: 'address',
  },
  identify: (record) => {
    const patient = record as unknown as FhirPatient & { active?: boolean };
    return {
      externalId: text(patient.id) || null,
      idNumber: residentIdOf(patient),
      active: patient.deceasedBoolean !== true && patient.active !== false,
    };
  },

  comparable: (record) => {
    const patient = record as unknown as FhirPatient;
    const out: Record<string, unknown> = { resourceType: 'Patient' };
    const name = archiveName(patient.name?.find((n) => text(n.text))?.text);
    if (name) out.name = [{ text: name }];
    if (patient.gender) out.gender = patient.gender;
    if (text(patient.birthDate)) out.birthDate = text(patient.birthDate);
    const idNumber = residentIdOf(patient);
    if (idNumber) out.identifier = [{ system: RESIDENT_ID_SYSTEM, value: idNumber }];
    const phone = text(patient.telecom?.find((t) => t.system === 'phone' && text(t.value))?.value);
    if (phone) out.telecom = [{ system: 'phone', value: phone }];
    const address = patient.address?.[0];
    if (address) out.address = [addressOf(address)];
    return out;
  },
};
