/**
 * Who is right when sources disagree (the spec's field-authority table). A department's change to
 * a field is applied only if that department is the field's authority, or if the field is one
 * where "newer wins" — and never for a field another department owns.
 */
export type FieldRule = { authority: string; newerWins: false } | { authority: 'community'; newerWins: true };

const POLICE = { authority: 'police-population', newerWins: false } as const;
const COMMUNITY = { authority: 'community', newerWins: true } as const;

export const RESIDENT_FIELD_AUTHORITY: Readonly<Record<string, FieldRule>> = {
  idNumber: POLICE,
  name: POLICE,
  gender: POLICE,
  ethnicity: POLICE,
  birthDate: POLICE,
  registeredAddress: POLICE,
  registrationType: POLICE,
  lifeStatus: POLICE,
  deathDate: POLICE,
  phone: COMMUNITY,
  livingStatus: COMMUNITY,
  residenceStatus: COMMUNITY,
  movedOutOn: COMMUNITY,
  education: COMMUNITY,
  maritalStatus: COMMUNITY,
  politicalStatus: COMMUNITY,
  disabilityType: { authority: 'disability', newerWins: false },
  disabilityGrade: { authority: 'disability', newerWins: false },
  disabilityCertificateNo: { authority: 'disability', newerWins: false },
  correctionsType: { authority: 'justice-corrections', newerWins: false },
  correctionsStart: { authority: 'justice-corrections', newerWins: false },
  correctionsEnd: { authority: 'justice-corrections', newerWins: false },
  employmentStatus: { authority: 'employment', newerWins: false },
  pensionStatus: { authority: 'social-insurance', newerWins: false },
};

export const HOUSEHOLD_FIELD_AUTHORITY: Readonly<Record<string, FieldRule>> = {
  assistanceType: { authority: 'civil-assistance', newerWins: false },
  assistanceAmount: { authority: 'civil-assistance', newerWins: false },
  assistanceApprovedOn: { authority: 'civil-assistance', newerWins: false },
};

/**
 * The fields of a department's change that it may set: its own fields, and "newer wins" fields
 * when its change is newer than the value the hub holds.
 */
export function acceptedFields(
  table: Readonly<Record<string, FieldRule>>,
  source: string,
  fields: Record<string, unknown>,
  setAt: (field: string) => string | undefined,
  changedAt: string,
): Record<string, unknown> {
  const accepted: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    const rule = table[field];
    if (!rule) continue;
    if (rule.authority === source) accepted[field] = value;
    else if (rule.newerWins && (setAt(field) ?? '') < changedAt) accepted[field] = value;
  }
  return accepted;
}
