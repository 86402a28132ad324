import type { EvidenceField } from '../api/reviews';

export const EVIDENCE_FIELDS: Record<EvidenceField, string> = {
  id: '公民身份号码',
  name: '姓名',
  birthDate: '出生日期',
  gender: '性别',
  phone: '联系电话',
  address: '住址',
};

const LEVEL_NAMES: Record<string, string> = {
  equal: '相同',
  exact: '相同',
  near: '相近',
  'same-pinyin': '同音',
  similar: '相似',
  swapped: '月日颠倒',
  'same-month': '同年同月',
  'same-room': '同一户室',
  'same-building': '同一楼幢',
  'same-estate': '同一小区',
  different: '不同',
  missing: '一方缺失',
};

export const levelName = (level: string): string => LEVEL_NAMES[level] ?? level;

/** Full agreement; everything else (short of a blank side) is a difference the reviewer should see. */
const AGREEING = new Set(['equal', 'exact', 'same-room']);
export const differs = (level: string): boolean => !AGREEING.has(level) && level !== 'missing';

const SHORT_FIELDS: Record<EvidenceField, string> = { ...EVIDENCE_FIELDS, id: '身份证号' };

/**
 * The evidence in one sentence, strongest first ("身份证号相同，姓名同音，出生日期相同"), then what
 * speaks against and what could not be compared: what a reviewer reads before the numbers.
 */
export function evidenceSentence(
  evidence: ReadonlyArray<{ field: EvidenceField; level: string; weight: number }>,
): string {
  const said = (e: { field: EvidenceField; level: string }) =>
    `${SHORT_FIELDS[e.field]}${levelName(e.level)}`;
  const byWeight = [...evidence].sort((x, y) => y.weight - x.weight);
  const parts = [
    byWeight
      .filter((e) => e.weight > 0)
      .map(said)
      .join('，'),
    byWeight
      .filter((e) => e.weight < 0)
      .map(said)
      .join('，'),
    byWeight
      .filter((e) => e.weight === 0)
      .map(said)
      .join('，'),
  ];
  const [forIt, against, neither] = parts;
  return [forIt && `支持同一人：${forIt}`, against && `不支持：${against}`, neither && `无法比对：${neither}`]
    .filter(Boolean)
    .join('；')
    .concat('。');
}
