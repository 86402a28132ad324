/** The FHIR R4 shapes the health archive system speaks (the subset it stores). */

export const RESIDENT_ID_SYSTEM = 'urn:cn:resident-id';
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export interface Patient {
  resourceType: 'Patient';
  /** The 17-digit health archive number: 12-digit community code + 5-digit sequence. */
  id: string;
  meta: { versionId: string; lastUpdated: string };
  identifier?: Array<{ system: string; value: string }>;
  active?: boolean;
  name?: Array<{ text: string }>;
  gender?: 'male' | 'female' | 'unknown';
  birthDate?: string;
  telecom?: Array<{ system: string; value: string }>;
  address?: Array<{ text?: string; city?: string; district?: string }>;
  deceasedBoolean?: boolean;
}

/** FHIR issue types used here (http://hl7.org/fhir/valueset-issue-type.html). */
export type IssueCode =
  | 'invalid'
  | 'required'
  | 'value'
  | 'business-rule'
  | 'duplicate'
  | 'not-found'
  | 'conflict'
  | 'login'
  | 'not-supported'
  | 'exception'
  | 'transient';

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: Array<{ severity: 'error' | 'fatal'; code: IssueCode; diagnostics: string }>;
}

export function operationOutcome(code: IssueCode, diagnostics: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}

/** A refusal the handler turns into an HTTP status with an OperationOutcome body. */
export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly code: IssueCode,
    message: string,
  ) {
    super(message);
  }
}

export const residentId = (patient: Pick<Patient, 'identifier'>): string | undefined =>
  patient.identifier?.find((i) => i.system === RESIDENT_ID_SYSTEM)?.value;
