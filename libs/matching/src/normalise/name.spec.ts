import fc from 'fast-check';
import { nameHasPlaceholder, normaliseName } from './name';

describe(normaliseName.name, () => {
  it.each([
    ['  张伟  ', '张伟'],
    ['王 芳', '王芳'],
    ['李\u3000秀英', '李秀英'],
    ['張偉', '张伟'],
    ['歐陽鋒', '欧阳锋'],
    ['陳 國 強', '陈国强'],
    ['ＺＨＡＮＧ　Ｗｅｉ', 'ZHANGWei'],
    ['阿依古丽·买买提', '阿依古丽·买买提'],
    ['阿依古丽•买买提', '阿依古丽·买买提'],
    ['阿依古丽‧买买提', '阿依古丽·买买提'],
    ['阿依古丽・买买提', '阿依古丽·买买提'],
    ['阿依古丽･买买提', '阿依古丽·买买提'],
    ['阿依古丽∙买买提', '阿依古丽·买买提'],
    ['阿依古丽．买买提', '阿依古丽·买买提'],
    ['阿依古丽.买买提', '阿依古丽·买买提'],
    ['阿依古丽 . 买买提', '阿依古丽·买买提'],
    ['阿依古麗··買買提', '阿依古丽·买买提'],
    ['·张伟·', '张伟'],
    ['J.Smith', 'J.Smith'],
    ['王?国', '王国'],
    ['王？国', '王国'],
    ['吴\uFFFD明', '吴明'],
  ])('normalises %j to %j', (raw, normalised) => {
    expect(normaliseName(raw)).toBe(normalised);
  });

  it.each([[''], ['   '], ['\u3000'], ['?'], ['·'], [null], [undefined], [42]])(
    'gives null for %j',
    (raw) => {
      expect(normaliseName(raw)).toBeNull();
    },
  );

  it('is idempotent, traditional characters and dots included', () => {
    const nameCharacter = fc.constantFrom(...'张偉陳國強歐陽鋒阿依古麗买提薴 ·•・.?？\u3000ＡaＢ'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: nameCharacter })), (raw) => {
        const once = normaliseName(raw);

        expect(normaliseName(once)).toBe(once);
      }),
    );
  });

  it('never leaves whitespace, placeholders or a dot at either end', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (raw) => {
        const name = normaliseName(raw) ?? '';

        expect(name).not.toMatch(/[\s?\uFFFD]|^·|·$/);
      }),
    );
  });
});

describe(nameHasPlaceholder.name, () => {
  it('tells a name the GBK round trip cut short', () => {
    expect(nameHasPlaceholder('王?国')).toBe(true);
    expect(nameHasPlaceholder('王？国')).toBe(true);
    expect(nameHasPlaceholder('王建国')).toBe(false);
    expect(nameHasPlaceholder(null)).toBe(false);
  });
});
