/** 老龄办 养老服务信息系统: residents aged 60 or over, in the department's own field names. */

export const LIVING_STATUSES = ['alone', 'with_spouse', 'with_children', 'institution'] as const;
export type LivingStatus = (typeof LIVING_STATUSES)[number];

export const ELDER_STATUSES = ['active', 'deceased', 'moved'] as const;
export type ElderStatus = (typeof ELDER_STATUSES)[number];

export type AllowanceLevel = 'none' | '80-89' | '90-99' | '100+';

export interface EmergencyContact {
  name: string;
  phone: string;
}

/** What a caller may set; `allowanceLevel` is never stored (see `allowanceLevelOf`). */
export interface ElderFields {
  name: string;
  /** 18 digits; legacy records from before 2010 keep 15. */
  idCard: string;
  gender: 'M' | 'F';
  /** yyyy-MM-dd */
  birthDate: string;
  phone: string | null;
  address: string | null;
  livingStatus: LivingStatus | null;
  emergencyContact: EmergencyContact | null;
  status: ElderStatus;
}

export interface ElderRecord extends ElderFields {
  elderId: string;
  allowanceLevel: AllowanceLevel;
}

/** OAuth2 clients this system has registered. */
export const CLIENT_SECRETS: Readonly<Record<string, string>> = { hub: 'hub-aging-secret' };
export const TOKEN_LIFETIME_SECONDS = 600;

export class AgingError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
