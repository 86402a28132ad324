/**
 * Reading the 民政局 household export back for reconciliation. `comparable` gives the document in
 * `toCivilHousehold`'s shape and formats; `status` is left out because `identify().active` carries
 * it, and `householdNo` because the department stamps it.
 */
import { citizenIdForMatching, type ExportReader } from '../common';
import type { CivilMember, CivilRelationWord } from './civil-assistance.types';

/** The department's variant words (typed as the family said them) → the word the hub sends. */
const CANONICAL_WORDS: Readonly<Record<string, CivilRelationWord>> = {
  户主: '户主',
  本人: '户主',
  配偶: '配偶',
  妻子: '配偶',
  妻: '配偶',
  丈夫: '配偶',
  夫: '配偶',
  子: '子',
  儿子: '子',
  女: '女',
  女儿: '女',
  孙子: '孙子',
  外孙子: '孙子',
  孙女: '孙女',
  外孙女: '孙女',
  父亲: '父亲',
  母亲: '母亲',
  兄弟: '兄弟',
  姐妹: '姐妹',
};

/** In-laws (儿媳, 女婿, …) and any word the hub has no word for are what the hub sends as 其他. */
export const canonicalRelationWord = (word: unknown): CivilRelationWord =>
  CANONICAL_WORDS[String(word ?? '').trim()] ?? '其他';

const text = (value: unknown): string => String(value ?? '').trim();

const idOrNull = (value: unknown): string | null => (text(value) ? citizenIdForMatching(text(value)) : null);

/** A member exactly as `toCivilHousehold` writes one: a missing idCard is null, gender kept if stated. */
function comparableMember(raw: unknown): CivilMember {
  const m = (raw ?? {}) as Record<string, unknown>;
  const gender = text(m.gender);
  return {
    name: text(m.name),
    idCard: idOrNull(m.idCard),
    ...((gender === '男' || gender === '女') && { gender }),
    relation: canonicalRelationWord(m.relation),
  };
}

/** Yuan as a number with at most 2 decimals: the seed and older replies write "1260.50". */
function amount(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number(text(value) || NaN);
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : null;
}

export const civilAssistanceExportReader: ExportReader = {
  fields: {
    headName: 'household',
    headIdCard: 'household',
    address: 'address',
    assistanceType: 'owned',
    monthlyAmount: 'owned',
    approvedOn: 'owned',
    members: 'household',
  },
  identify: (record) => ({
    externalId: text(record.householdNo) || null,
    // A household is matched through its head.
    idNumber: idOrNull(record.headIdCard),
    active: text(record.status) === 'active',
    subjectType: 'household',
  }),

  comparable: (record) => {
    const out: Record<string, unknown> = {};
    const has = (key: string) => record[key] !== undefined;
    if (has('headName')) out.headName = text(record.headName);
    if (has('headIdCard')) out.headIdCard = idOrNull(record.headIdCard);
    if (has('address')) out.address = text(record.address);
    if (has('assistanceType')) out.assistanceType = text(record.assistanceType) || null;
    if (has('monthlyAmount')) out.monthlyAmount = amount(record.monthlyAmount);
    if (has('approvedOn')) out.approvedOn = text(record.approvedOn).slice(0, 10) || null;
    if (Array.isArray(record.members)) out.members = record.members.map(comparableMember);
    return out;
  },
};
