import { RELATION_TO_HEAD } from '@hub/domain';
import type { HttpResponse } from '../common';
import { civilError, isRelationCode, relationCodeFromWord, relationWord } from './civil-assistance.codes';
import badIdCard from './fixtures/not-ok/422-bad-id-card.json';
import unknownHousehold from './fixtures/not-ok/404-unknown-household.json';

const reply = (status: number, body: unknown): HttpResponse => {
  const buffer = Buffer.from(JSON.stringify(body));
  return {
    status,
    headers: new Headers(),
    body: buffer,
    text: () => buffer.toString(),
    json: <T>() => body as T,
  };
};

describe(relationWord.name, () => {
  it('translates every GB/T 4761 code to one of the department words', () => {
    const words = new Set([
      '户主',
      '配偶',
      '子',
      '女',
      '父亲',
      '母亲',
      '孙子',
      '孙女',
      '兄弟',
      '姐妹',
      '其他',
    ]);
    for (const code of Object.keys(RELATION_TO_HEAD)) {
      expect(isRelationCode(code)).toBe(true);
      if (!isRelationCode(code)) continue;
      expect(words).toContain(relationWord(code, 'male'));
    }
  });

  it.each([
    ['01', null, '户主'],
    ['02', null, '户主'],
    ['12', null, '配偶'],
    ['22', null, '子'],
    ['27', null, '子'],
    ['28', null, '其他'],
    ['33', null, '女'],
    ['38', null, '其他'],
    ['40', 'female', '孙女'],
    ['40', null, '其他'],
    ['43', null, '孙子'],
    ['50', 'male', '父亲'],
    ['58', null, '母亲'],
    ['55', null, '其他'],
    ['61', null, '其他'],
    ['70', 'female', '姐妹'],
    ['71', null, '兄弟'],
    ['76', null, '其他'],
    ['99', null, '其他'],
  ] as const)('%s (%s) → %s', (code, gender, word) => {
    expect(relationWord(code, gender)).toBe(word);
  });

  it('refuses codes outside the standard', () => {
    expect(isRelationCode('19')).toBe(false);
    expect(isRelationCode('toString')).toBe(false);
  });
});

describe(relationCodeFromWord.name, () => {
  it.each([
    ['户主', '02'],
    ['配偶', '10'],
    ['妻子', '12'],
    ['丈夫', '11'],
    ['子', '20'],
    ['儿子', '20'],
    ['女', '30'],
    ['女儿', '30'],
    ['父亲', '51'],
    ['母亲', '52'],
    ['孙子', '41'],
    ['孙女', '42'],
    ['兄弟', '70'],
    ['姐妹', '70'],
    ['其他', '80'],
    [' 儿子 ', '20'],
    ['表哥', '80'],
  ])('%s → %s', (word, code) => {
    expect(relationCodeFromWord(word)).toBe(code);
  });

  it.each([
    ['户主', null],
    ['配偶', null],
    ['子', 'male'],
    ['女', 'female'],
    ['父亲', 'male'],
    ['母亲', 'female'],
    ['孙子', 'male'],
    ['孙女', 'female'],
    ['兄弟', 'male'],
    ['姐妹', 'female'],
    ['其他', null],
  ] as const)('reads %s back as a code that writes the same word', (word, gender) => {
    expect(relationWord(relationCodeFromWord(word), gender)).toBe(word);
  });
});

describe(civilError.name, () => {
  it('keeps the department message and code of a business refusal, final', () => {
    const error = civilError(reply(422, badIdCard));
    expect(error).toMatchObject({ kind: 'refused', message: '户主身份证号码校验错误' });
    expect(error.details).toMatchObject({ status: 422, departmentCode: '42201' });
    expect(error.final).toBe(true);
  });

  it('refuses an unknown householdNo', () => {
    expect(civilError(reply(404, unknownHousehold))).toMatchObject({
      kind: 'refused',
      message: '救助家庭MZ999999999999不存在',
    });
  });

  it('treats a refused app key as auth and anything else unexpected as our bug', () => {
    expect(civilError(reply(403, {})).kind).toBe('auth');
    expect(civilError(reply(415, {})).kind).toBe('invalid');
  });
});
