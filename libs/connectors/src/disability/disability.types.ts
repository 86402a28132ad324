/** The 残联 person record, in its own field names. */
export type DisabilityStatus = 'valid' | 'revoked' | 'deceased';

export interface DisabilityPerson {
  name: string;
  /** 18 digits: the certificate number is built on it. */
  idNumber: string;
  gender?: '1' | '2';
  /** yyyyMMdd */
  birthDate: string;
  /** GB/T 26341 type `1`-`7`. */
  disabilityType: string;
  /** `1` (most severe) to `4`. */
  disabilityGrade: string;
  phone: string | null;
  address: string | null;
  status: DisabilityStatus;
}

export interface DisabilityOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  /** Export page size (`pageSize`). */
  pageSize?: number;
}
