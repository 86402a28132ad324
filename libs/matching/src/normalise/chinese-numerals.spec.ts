import { chineseNumeralValue } from './chinese-numerals';

describe(chineseNumeralValue.name, () => {
  it.each([
    ['三', 3],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['一百', 100],
    ['一百零一', 101],
    ['三千零五', 3005],
    ['五〇一', 501],
    ['一二〇一', 1201],
  ])('reads %j as %d', (numerals, value) => {
    expect(chineseNumeralValue(numerals)).toBe(value);
  });

  it.each([[''], ['十十'], ['二二十'], ['百十'], ['幢']])('refuses the malformed %j', (numerals) => {
    expect(chineseNumeralValue(numerals)).toBeUndefined();
  });
});
