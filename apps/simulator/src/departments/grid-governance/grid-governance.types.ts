/** The grid platform's records, in its own field names. */

export const FOCUS_TAGS = ['独居老人', '空巢老人', '留守儿童', '残疾人', '低保户', '退役军人'] as const;
export const PERSON_TYPES = ['户籍', '流动', '境外'] as const;
export const PERSON_STATUSES = ['normal', 'left', 'deceased'] as const;

export interface GridPerson {
  /** Own id: 32 lower-case hex characters. */
  personId: string;
  /** 12-digit community code + 3-digit grid number. */
  gridCode: string;
  name: string;
  /** Empty for floating persons registered by name and phone only. */
  idNo: string;
  sex: '男' | '女';
  birthday: string;
  nation: string;
  phone: string;
  houseAddress: string;
  personType: (typeof PERSON_TYPES)[number];
  focusTags: Array<(typeof FOCUS_TAGS)[number]>;
  status: (typeof PERSON_STATUSES)[number];
}

export interface GridHouse {
  houseId: string;
  gridCode: string;
  address: string;
  headPersonId: string;
  memberPersonIds: string[];
}

export type EventType =
  | 'PERSON_CREATED'
  | 'PERSON_UPDATED'
  | 'PERSON_LEFT'
  | 'PERSON_DECEASED'
  | 'PHONE_CHANGED'
  | 'NEW_TENANT'
  | 'HOUSE_CREATED'
  | 'HOUSE_UPDATED';

export interface GridEvent {
  /** The cursor for `after`: strictly increasing decimal digits. */
  eventId: string;
  type: EventType;
  occurredAt: string;
  personId?: string;
  houseId?: string;
  /** The record as it stands after the change. */
  person?: GridPerson;
  house?: GridHouse;
}

/** Per-item outcome of a batch upsert. */
export type ItemResult =
  | { index: number; ok: true; created: boolean; personId?: string; houseId?: string }
  | { index: number; ok: false; reason: string };

/** A whole-call refusal, answered in the platform's error format `{ error: { code, status, message } }`. */
export class GridError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly status: string,
    message: string,
  ) {
    super(message);
  }
}

/** A per-item refusal; `duplicate` ones are counted as duplicates refused. */
export class ItemError extends Error {
  constructor(
    message: string,
    readonly duplicate = false,
  ) {
    super(message);
  }
}

/** GB/T 3304 names, as the platform writes ethnicity. */
export const NATIONS = new Set(
  (
    '汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 ' +
    '黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 ' +
    '撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 ' +
    '京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族 其他 外国血统中国籍人士'
  ).split(' '),
);
