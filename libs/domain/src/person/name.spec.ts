import fc from 'fast-check';
import { checkName, maskName, normaliseName } from './name';

describe(normaliseName.name, () => {
  it.each([
    ['  张伟  ', '张伟'],
    ['阿依古丽·买买提', '阿依古丽·买买提'],
    ['阿依古丽•买买提', '阿依古丽·买买提'],
    ['阿依古丽・买买提', '阿依古丽·买买提'],
    ['阿依古丽‧买买提', '阿依古丽·买买提'],
    ['阿依古丽．买买提', '阿依古丽·买买提'],
    ['阿依古丽.买买提', '阿依古丽·买买提'],
    ['阿依古丽 . 买买提', '阿依古丽·买买提'],
    ['阿依古丽 · 买买提', '阿依古丽·买买提'],
    ['\u3000张伟\u3000', '张伟'],
    ['Ｊｏｈｎ　 Ｓｍｉｔｈ', 'John Smith'],
    ['John   Smith', 'John Smith'],
    ['J.Smith', 'J.Smith'],
    ['張偉', '張偉'],
  ])('normalises %j to %j', (raw, normalised) => {
    expect(normaliseName(raw)).toBe(normalised);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (raw) => {
        const once = normaliseName(raw);

        expect(normaliseName(once)).toBe(once);
      }),
    );
  });
});

describe(checkName.name, () => {
  it.each(['张伟', '阿依古丽·买买提', 'John Smith', '欧阳娜娜', '𠀾家豪', '李〇', 'Zoë Müller', '张 伟'])(
    'accepts %j',
    (name) => {
      expect(checkName(name)).toBeUndefined();
    },
  );

  it.each(['', '   '])('asks for a name when given %j', (name) => {
    expect(checkName(name)).toBe('请填写姓名');
  });

  it('refuses more than 50 characters, counting characters outside the BMP once', () => {
    expect(checkName('𠀾'.repeat(50))).toBeUndefined();
    expect(checkName('张'.repeat(51))).toBe('姓名不能超过50个字');
  });

  it.each([
    "'; DROP TABLE people; --",
    '<script>alert(1)</script>',
    '张伟1',
    '张  伟',
    '·张伟',
    '张伟·',
    '阿依古丽··买买提',
    '张_伟',
    '张伟😀',
  ])('refuses %j', (name) => {
    expect(checkName(name)).toBe('姓名只能包含汉字、字母和间隔号“·”');
  });
});

describe(maskName.name, () => {
  it.each([
    ['张小伟', '张*伟'],
    ['张伟', '张*'],
    ['张', '张*'],
    ['欧阳娜娜', '欧*'],
    ['阿依古丽·买买提', '阿*'],
    ['𠀾家豪', '𠀾*豪'],
    ['', ''],
  ])('masks %j as %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
