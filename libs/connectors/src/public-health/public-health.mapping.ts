import type { ResidentSnapshot } from '@hub/domain';
import type { InboundChange } from '../common';
import { fromFhirGender, toFhirGender } from './public-health.codes';
import { RESIDENT_ID_SYSTEM, type FhirPatient } from './public-health.types';

const CITY = '常州市';

/**
 * The Patient as the archive system takes it: only the spec's fields. Absent facts (no ID number,
 * no phone, no current address) are left out rather than sent empty, so `mergeIntoCurrent` keeps
 * what the department already holds.
 */
export function toPatient(resident: ResidentSnapshot): FhirPatient {
  const patient: FhirPatient = {
    resourceType: 'Patient',
    name: [{ text: resident.name }],
    gender: toFhirGender(resident.gender),
    birthDate: resident.birthDate,
    deceasedBoolean: resident.lifeStatus === 'deceased',
  };
  if (resident.idNumber) patient.identifier = [{ system: RESIDENT_ID_SYSTEM, value: resident.idNumber }];
  if (resident.phone) patient.telecom = [{ system: 'phone', value: resident.phone }];
  const address = resident.currentAddress;
  if (address) patient.address = [{ text: address.fullText, city: CITY, district: address.districtName }];
  return patient;
}

/**
 * FHIR PUT replaces the whole resource: start from the department's current version so whatever it
 * holds beyond our fields (its own extensions, an ID number we lack) survives, then lay ours on top.
 */
export function mergeIntoCurrent(
  current: FhirPatient,
  ours: FhirPatient,
  id: string,
): FhirPatient & { id: string } {
  const { meta: _meta, ...rest } = current;
  return { ...rest, ...ours, resourceType: 'Patient', id };
}

/**
 * A Patient read from the change feed, in unified-record names. The system is authoritative for
 * none of these; it states them and the hub's field-authority rules decide. The free-text address
 * is left out: it cannot be turned into a structured current address.
 */
export function fromPatient(patient: FhirPatient): InboundChange {
  const fields: Record<string, unknown> = {};
  const name = patient.name?.[0]?.text;
  if (name) fields.name = name;
  if (patient.gender) fields.gender = fromFhirGender(patient.gender);
  if (patient.birthDate) fields.birthDate = patient.birthDate;
  const phone = patient.telecom?.find((t) => t.system === 'phone')?.value;
  if (phone) fields.phone = phone;
  if (patient.deceasedBoolean === true) fields.lifeStatus = 'deceased';
  const idNumber = patient.identifier?.find((i) => i.system === RESIDENT_ID_SYSTEM)?.value ?? null;
  return {
    externalId: patient.id ?? null,
    idNumber,
    fields,
    changedAt: patient.meta?.lastUpdated ?? '',
  };
}
