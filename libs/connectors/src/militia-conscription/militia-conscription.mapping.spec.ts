import { EDUCATION, POLITICAL_STATUS } from '@hub/domain';
import { residentSnapshot } from '../testing/snapshots';
import { educationWord, politicalWord, uploadStatusKind } from './militia-conscription.codes';
import { registrationTypeFor, toRosterEntry } from './militia-conscription.mapping';
import { ROSTER_HEADERS } from './militia-conscription.types';

const son = residentSnapshot({
  name: '王小军',
  gender: '1',
  birthDate: '2006-02-11',
  education: '20',
  politicalStatus: '03',
  maritalStatus: '10',
});

describe(toRosterEntry.name, () => {
  it('fills exactly the template columns (序号 comes from the roster), nothing else', () => {
    const entry = toRosterEntry(son, '初次登记');
    expect(Object.keys(entry).sort()).toEqual(ROSTER_HEADERS.filter((h) => h !== '序号').sort());
  });

  it('writes the birth month, the department words and the addresses', () => {
    expect(toRosterEntry(son, '初次登记')).toEqual({
      姓名: '王小军',
      公民身份号码: son.idNumber,
      出生年月: '2006.02',
      文化程度: '大学本科',
      政治面貌: '共青团员',
      联系电话: '13812345678',
      户籍地: '江苏省常州市天宁区青龙街道青龙苑3幢2单元501室',
      现居住地: '常州市天宁区青龙街道青龙苑3幢2单元501室',
      登记类型: '初次登记',
    });
  });

  it('leaves unknown values empty and refuses a man without an ID number (its only key)', () => {
    const entry = toRosterEntry({ ...son, education: null, politicalStatus: null, phone: null }, '变更登记');
    expect([entry.文化程度, entry.政治面貌, entry.联系电话]).toEqual(['', '', '']);
    expect(() => toRosterEntry({ ...son, idNumber: null }, '初次登记')).toThrow(
      expect.objectContaining({ kind: 'invalid' }) as Error,
    );
  });
});

describe(registrationTypeFor.name, () => {
  it('is 初次登记 the first time, 变更登记 afterwards, 注销登记 to end', () => {
    expect(registrationTypeFor('upsert', null)).toBe('初次登记');
    expect(registrationTypeFor('upsert', { externalId: null })).toBe('变更登记');
    expect(registrationTypeFor('end', { externalId: null })).toBe('注销登记');
  });
});

describe('code translations', () => {
  it('translates every GB/T 4658 code; 普通高中 is the template’s 高中', () => {
    for (const code of Object.keys(EDUCATION)) expect(educationWord(code)).not.toBe('');
    expect(educationWord('60')).toBe('高中');
    expect(educationWord('20')).toBe('大学本科');
    expect(() => educationWord('99')).toThrow();
  });

  it('translates every GB/T 4762 code; democratic parties as 民主党派成员', () => {
    for (const code of Object.keys(POLITICAL_STATUS)) expect(politicalWord(code)).not.toBe('');
    expect(politicalWord('13')).toBe('群众');
    expect(politicalWord('07')).toBe('民主党派成员');
    expect(() => politicalWord('14')).toThrow();
  });

  it('classifies upload statuses httpCall leaves to us', () => {
    expect(uploadStatusKind(403)).toBe('auth');
    expect(uploadStatusKind(400)).toBe('invalid');
    expect(uploadStatusKind(409)).toBe('refused');
  });
});
