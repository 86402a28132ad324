/** 残联 残疾人人口基础数据库: one row per certificate (第二代残疾人证), in the department's own names. */

export const CARD_STATUSES = ['valid', 'revoked', 'deceased'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export interface PersonFields {
  name: string;
  idNumber: string;
  gender: '1' | '2';
  /** yyyyMMdd */
  birthDate: string;
  /** GB/T 26341: `1` 视力 … `7` 多重. */
  disabilityType: string;
  /** `1` (most severe) to `4`. */
  disabilityGrade: string;
  guardianName: string | null;
  guardianPhone: string | null;
  phone: string | null;
  address: string | null;
  status: CardStatus;
}

export interface PersonRecord extends PersonFields {
  /** 18-digit ID + type digit + grade digit. */
  cardNo: string;
}

export type ChangeType = 'issued' | 'regraded' | 'revoked' | 'deceased' | 'updated';

export interface CardChange {
  seq: string;
  changeType: ChangeType;
  cardNo: string;
  /** On `regraded`: the certificate this one replaced (revoked in the entry just before). */
  previousCardNo: string | null;
  changedAt: string;
  person: PersonRecord;
}

export const API_KEYS = new Set(['hub-disability-key']);

export const CARD_NO = /^\d{17}[\dX][1-7][1-4]$/;

export const cardNoOf = (f: Pick<PersonFields, 'idNumber' | 'disabilityType' | 'disabilityGrade'>): string =>
  `${f.idNumber}${f.disabilityType}${f.disabilityGrade}`;

export class DisabilityError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
