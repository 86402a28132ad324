/** The 民政局 social assistance system's household document, in its own field names. */
export type CivilAssistanceType = 'dibao' | 'dibao_edge' | 'tekun';

/** The department's relation words (it writes variants too, e.g. 儿子, 妻子; see the codes file). */
export type CivilRelationWord =
  '户主' | '配偶' | '子' | '女' | '父亲' | '母亲' | '孙子' | '孙女' | '兄弟' | '姐妹' | '其他';

export interface CivilMember {
  name: string;
  /** Missing for many children in the department's own records; null when the hub has none. */
  idCard: string | null;
  gender?: '男' | '女';
  relation: CivilRelationWord;
}

export interface CivilHousehold {
  headName: string;
  headIdCard: string;
  address: string;
  /** Omitted only if neither the hub nor the department holds it (the department then refuses). */
  assistanceType?: CivilAssistanceType;
  /** Yuan; a JSON number rounded to 2 decimals. */
  monthlyAmount?: number;
  /** yyyy-MM-dd */
  approvedOn?: string;
  status: 'active' | 'ended';
  members: CivilMember[];
}

export interface CivilAssistanceOptions {
  baseUrl: string;
  appKey: string;
  appSecret: string;
  timeoutMs?: number;
  /** Export page size; the spec sets no limit. */
  pageSize?: number;
}
