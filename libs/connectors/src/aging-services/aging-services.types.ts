/** The 老龄办 elder record, in its own field names. */
export type AgingLivingStatus = 'alone' | 'with_spouse' | 'with_children' | 'institution';
export type AllowanceLevel = 'none' | '80-89' | '90-99' | '100+';

export interface AgingElder {
  name: string;
  /** 18 digits; null when the hub has no ID number for the resident. */
  idCard: string | null;
  /** Omitted when neither the gender code nor the ID number tells. */
  gender?: 'M' | 'F';
  /** yyyy-MM-dd */
  birthDate: string;
  phone: string | null;
  address: string | null;
  livingStatus: AgingLivingStatus | null;
  allowanceLevel: AllowanceLevel;
  status: 'active' | 'deceased' | 'moved';
}

export interface AgingServicesOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
  /** Export page size (`limit`). */
  pageSize?: number;
  /** Renew this long before the token's stated expiry, so no call carries a dying token. */
  renewBeforeMs?: number;
}

export interface OAuthToken {
  access_token: string;
  token_type?: string;
  /** Seconds. */
  expires_in?: number;
}
