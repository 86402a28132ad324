/** 民政局 社会救助(低保)信息系统: one document per assisted household, in the department's own names. */

export const ASSISTANCE_TYPES = ['dibao', 'dibao_edge', 'tekun'] as const;
export type AssistanceType = (typeof ASSISTANCE_TYPES)[number];

export const HOUSEHOLD_STATUSES = ['active', 'ended'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

/**
 * Relation words the system accepts. Case workers type what the family says, so besides the
 * standard words (`配偶`, `子`, …) the colloquial ones (`妻子`, `儿子`, …) are stored as typed.
 */
export const RELATION_WORDS = new Set([
  '户主',
  '配偶',
  '妻子',
  '丈夫',
  '子',
  '儿子',
  '女',
  '女儿',
  '父亲',
  '母亲',
  '孙子',
  '孙女',
  '外孙子',
  '外孙女',
  '兄弟',
  '姐妹',
  '儿媳',
  '女婿',
  '其他',
]);

export interface HouseholdMember {
  name: string;
  /** Often missing for children (no ID card issued yet). */
  idCard?: string;
  gender: '男' | '女';
  relation: string;
}

export interface HouseholdFields {
  headName: string;
  headIdCard: string;
  address: string;
  assistanceType: AssistanceType;
  /** Yuan, at most 2 decimals. */
  monthlyAmount: number;
  /** yyyy-MM-dd */
  approvedOn: string;
  status: HouseholdStatus;
  /** The head first, relation `户主`. */
  members: HouseholdMember[];
}

export interface HouseholdDocument extends HouseholdFields {
  /** `MZ` + 12 digits. */
  householdNo: string;
}

/** What the change feed says happened to a household. */
export type ChangeType = 'approved' | 'amount_changed' | 'terminated' | 'updated';

export interface HouseholdChange {
  cursor: string;
  changeType: ChangeType;
  householdNo: string;
  changedAt: string;
  household: HouseholdDocument;
}

/** App keys this system has issued, with their secrets. */
export const APP_SECRETS: Readonly<Record<string, string>> = { hub: 'hub-civil-secret' };

/** Requests older (or further ahead) than this by the department's clock are refused. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;
/** Nonces are remembered longer than the window, so a replay can never slip through. */
export const NONCE_MEMORY_MS = 10 * 60_000;

/** The system's answer codes (`code` in every reply; 0 = success). */
export const CivilCode = {
  ok: 0,
  badRequest: 40001,
  unauthorized: 40101,
  notFound: 40401,
  duplicate: 40901,
  invalid: 42201,
  busy: 50301,
} as const;

export class CivilError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}
