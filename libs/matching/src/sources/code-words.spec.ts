import { EDUCATION, ETHNICITY, POLITICAL_STATUS, RELATION_TO_HEAD } from '@hub/domain';
import { educationCodeOf, ethnicityCodeOf, politicalStatusCodeOf, relationCodeOf } from './code-words';

describe('code words', () => {
  it.each([
    ['relationCodeOf', relationCodeOf, RELATION_TO_HEAD],
    ['educationCodeOf', educationCodeOf, EDUCATION],
    ['politicalStatusCodeOf', politicalStatusCodeOf, POLITICAL_STATUS],
    ['ethnicityCodeOf', ethnicityCodeOf, ETHNICITY],
  ])('%s reads every name of its standard table back to the code', (_, codeOf, table) => {
    for (const [code, name] of Object.entries(table)) expect(codeOf(name)).toBe(code);
  });

  it.each([
    ['户主', '02'],
    ['本人', '01'],
    ['妻子', '12'],
    ['儿子', '20'],
    ['女儿', '30'],
    ['长子', '22'],
    ['外婆', '64'],
    [' 配 偶 ', '10'],
    ['1', '01'],
    ['20', '20'],
  ])('relationCodeOf reads %j as %j', (word, code) => {
    expect(relationCodeOf(word)).toBe(code);
  });

  it.each([
    ['高中', '60'],
    ['本科', '20'],
    ['大专', '30'],
    ['硕士研究生', '14'],
    ['60', '60'],
  ])('educationCodeOf reads %j as %j', (word, code) => {
    expect(educationCodeOf(word)).toBe(code);
  });

  it.each([
    ['汉族', '01'],
    ['汉', '01'],
    ['维吾尔族', '05'],
    ['回', '03'],
  ])('ethnicityCodeOf reads %j as %j', (word, code) => {
    expect(ethnicityCodeOf(word)).toBe(code);
  });

  it.each([
    ['relationCodeOf', relationCodeOf, '邻居'],
    ['relationCodeOf', relationCodeOf, '33x'],
    ['relationCodeOf', relationCodeOf, '98'],
    ['relationCodeOf', relationCodeOf, null],
    ['educationCodeOf', educationCodeOf, '文盲'],
    ['politicalStatusCodeOf', politicalStatusCodeOf, '民主党派成员'],
    ['ethnicityCodeOf', ethnicityCodeOf, '火星族'],
    ['ethnicityCodeOf', ethnicityCodeOf, 'constructor'],
  ])('%s gives null for %j rather than a guess', (_, codeOf, word) => {
    expect(codeOf(word)).toBeNull();
  });
});
