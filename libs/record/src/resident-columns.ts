/** The resident's fields as the API and services name them, and their columns. */
export const RESIDENT_COLUMNS = {
  idNumber: 'id_number',
  name: 'name',
  gender: 'gender',
  ethnicity: 'ethnicity',
  birthDate: 'birth_date',
  registeredAddress: 'registered_address',
  currentAddressId: 'current_address_id',
  communityCode: 'community_code',
  phone: 'phone',
  maritalStatus: 'marital_status',
  education: 'education',
  politicalStatus: 'political_status',
  registrationType: 'registration_type',
  lifeStatus: 'life_status',
  deathDate: 'death_date',
  residenceStatus: 'residence_status',
  movedOutOn: 'moved_out_on',
  disabilityType: 'disability_type',
  disabilityGrade: 'disability_grade',
  disabilityCertificateNo: 'disability_certificate_no',
  livingStatus: 'living_status',
  employmentStatus: 'employment_status',
  pensionStatus: 'pension_status',
  correctionsType: 'corrections_type',
  correctionsStart: 'corrections_start',
  correctionsEnd: 'corrections_end',
} as const;

export type ResidentField = keyof typeof RESIDENT_COLUMNS;
export type ResidentFields = { [K in ResidentField]: string | null };

export const HOUSEHOLD_COLUMNS = {
  householdNo: 'household_no',
  type: 'type',
  status: 'status',
  communityCode: 'community_code',
  addressId: 'address_id',
  headResidentId: 'head_resident_id',
  assistanceType: 'assistance_type',
  assistanceAmount: 'assistance_amount',
  assistanceApprovedOn: 'assistance_approved_on',
} as const;

export type HouseholdField = keyof typeof HOUSEHOLD_COLUMNS;
export type HouseholdFields = { [K in HouseholdField]: string | null };

/** Fields of a row (snake_case from SQL) as a camelCase object of the given column map. */
export function fromRow<M extends Record<string, string>>(
  columns: M,
  row: Record<string, unknown>,
): { [K in keyof M]: string | null } {
  const out = {} as { [K in keyof M]: string | null };
  for (const [field, column] of Object.entries(columns) as Array<[keyof M, string]>) {
    const value = row[column];
    out[field] = value === null || value === undefined ? null : String(value).trimEnd();
  }
  return out;
}
