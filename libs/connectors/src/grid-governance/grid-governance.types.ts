/** The 网格化社会治理平台's own records (spec §11; field names are the platform's). */

export type GridSex = '男' | '女';
export type GridPersonType = '户籍' | '流动' | '境外';
export type GridPersonStatus = 'normal' | 'left' | 'deceased';
export type FocusTag = '独居老人' | '空巢老人' | '留守儿童' | '残疾人' | '低保户' | '退役军人';

export interface GridPerson {
  personId?: string;
  /** 12-digit community code + 3-digit grid number. */
  gridCode: string;
  name: string;
  /** Empty for floating persons registered by name and phone only. */
  idNo: string;
  sex?: GridSex;
  birthday: string;
  /** Ethnicity as its Chinese name (`汉族`). */
  nation?: string;
  phone?: string;
  houseAddress?: string;
  personType: GridPersonType;
  focusTags: FocusTag[];
  status: GridPersonStatus;
}

export interface GridHouse {
  houseId?: string;
  gridCode: string;
  address: string;
  headPersonId?: string;
  memberPersonIds: string[];
}

/** One per item sent, in order (`index` says which). */
export interface GridItemResult {
  index: number;
  ok: boolean;
  created?: boolean;
  personId?: string;
  houseId?: string;
  reason?: string;
}

export interface GridBatchReply {
  results: GridItemResult[];
  succeeded?: number;
  failed?: number;
}

/** A refusal of the whole call: `{error: {code, status, message}}`. */
export interface GridErrorReply {
  error?: { code?: number; status?: string; message?: string };
}

export interface GridEvent {
  eventId: string;
  /** PERSON_CREATED, PERSON_UPDATED, PHONE_CHANGED, PERSON_LEFT, PERSON_DECEASED, NEW_TENANT, … */
  type: string;
  occurredAt: string;
  personId?: string;
  person?: GridPerson;
}

export interface GridEventsReply {
  events: GridEvent[];
  nextAfter?: string;
}

export interface GridGovernanceOptions {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  /** Export page size (the platform's `pageSize`). */
  pageSize?: number;
  /** Least time between two calls; the platform answers 429 above 5 calls a second. */
  minCallIntervalMs?: number;
}

/**
 * Per call: the platform ids of persons the hub already knows (resident id → personId), so a
 * house can name its head and members. Persons created in the same batch are added to it.
 */
export interface GridBatchContext {
  personIds?: Record<string, string>;
  /** The hub's name for the same thing (BatchContext): resident id → personId. */
  externalIds?: Record<string, string>;
}
