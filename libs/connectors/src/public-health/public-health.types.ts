/** The FHIR R4 shapes the 居民健康档案系统 speaks (only what the spec lists). */

export interface FhirIdentifier {
  system: string;
  value: string;
}

export interface FhirContactPoint {
  system: string;
  value: string;
}

export interface FhirAddress {
  text?: string;
  city?: string;
  district?: string;
}

export type FhirGender = 'male' | 'female' | 'unknown';

export interface FhirPatient {
  resourceType: 'Patient';
  /** The 17-digit health archive number, assigned by the department. */
  id?: string;
  meta?: { versionId?: string; lastUpdated?: string };
  identifier?: FhirIdentifier[];
  name?: Array<{ text?: string }>;
  gender?: FhirGender;
  birthDate?: string;
  telecom?: FhirContactPoint[];
  address?: FhirAddress[];
  deceasedBoolean?: boolean;
}

export interface FhirBundle {
  resourceType: 'Bundle';
  type?: string;
  total?: number;
  link?: Array<{ relation: string; url: string }>;
  entry?: Array<{ resource?: FhirPatient }>;
}

export interface FhirIssue {
  severity?: string;
  code?: string;
  diagnostics?: string;
  details?: { text?: string };
}

export interface FhirOperationOutcome {
  resourceType: 'OperationOutcome';
  issue?: FhirIssue[];
}

export interface PublicHealthOptions {
  /** e.g. `http://host:port` — the `/fhir` prefix is added here. */
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  /** Bundle page size for export and change reads. */
  pageSize?: number;
}

export const RESIDENT_ID_SYSTEM = 'urn:cn:resident-id';
