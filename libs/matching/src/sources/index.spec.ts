import fc from 'fast-check';
import { isPersonSystem, SOURCE_EXTRACTORS } from '.';

/** Every field name any of the eleven exports uses, so generated records hit the extractors' paths. */
const FIELD_NAMES = [
  ...['RYBH', 'GMSFHM', 'XM', 'XB', 'MZ', 'CSRQ', 'HH', 'YHZGX', 'HJDZ', 'XZZ', 'RYLB', 'LXDH', 'ZT'],
  ...['householdNo', 'headName', 'headIdCard', 'address', 'assistanceType', 'monthlyAmount', 'approvedOn'],
  ...['status', 'members', 'elderId', 'name', 'idCard', 'gender', 'birthDate', 'phone', 'livingStatus'],
  ...['rkbh', 'xm', 'sfzh', 'xb', 'csrq', 'hyzk', 'pobsfzh', 'znsl', 'hh', 'id', 'identifier', 'telecom'],
  ...[
    'deceasedBoolean',
    'active',
    '人员编号',
    '身份证号码',
    '姓名',
    '性别',
    '出生日期',
    '文化程度',
    '就业状态',
  ],
  ...['联系电话', '家庭住址', '个人编号', '公民身份号码', '参保状态', '户籍地址', 'cardNo', 'idNumber'],
  ...['disabilityType', 'disabilityGrade', 'sqjzrybh', 'jzlb', 'jzqxStart', 'jzqxEnd', 'lxdh', 'jzdz', 'zt'],
  ...['出生年月', '政治面貌', '户籍地', '现居住地', '登记类型', 'personId', 'houseId', 'gridCode', 'idNo'],
  ...['sex', 'birthday', 'nation', 'houseAddress', 'personType', 'focusTags', 'constructor', '__proto__'],
];

describe('SOURCE_EXTRACTORS', () => {
  it('has an extractor for each of the eleven person-holding systems, none for statistics', () => {
    expect(Object.keys(SOURCE_EXTRACTORS).sort()).toEqual([
      'aging-services',
      'civil-assistance',
      'disability',
      'employment',
      'family-planning',
      'grid-governance',
      'justice-corrections',
      'militia-conscription',
      'police-population',
      'public-health',
      'social-insurance',
    ]);
    expect(isPersonSystem('statistics')).toBe(false);
    expect(isPersonSystem('constructor')).toBe(false);
  });

  it('never throws on messy records, and states every value as text or null', () => {
    const value = fc.oneof(
      fc.anything(),
      fc.string(),
      fc.array(fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.anything())),
    );
    const record = fc.dictionary(fc.constantFrom(...FIELD_NAMES), value);
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(SOURCE_EXTRACTORS)), record, (extract, raw) => {
        for (const person of extract(raw)) {
          for (const attribute of Object.values(person.attributes)) {
            expect(attribute === null || typeof attribute === 'string').toBe(true);
          }
          expect(typeof person.recordId).toBe('string');
        }
      }),
      { numRuns: 2000 },
    );
  });
});
