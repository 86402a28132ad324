/** Findings a worker may correct with one value; an address or a holding is changed on the resident's page. */
const CORRECTABLE: ReadonlySet<string> = new Set([
  'name',
  'phone',
  'idNumber',
  'gender',
  'birthDate',
  'ethnicity',
  'education',
  'maritalStatus',
  'politicalStatus',
  'registeredAddress',
]);

export const isCorrectable = (field: string): boolean => CORRECTABLE.has(field);
