import iconv from 'iconv-lite';
import { pinyin } from 'pinyin-pro';
import { Random } from '../random';
import { COMMON_NAMES, RARE_CHARACTERS, hanName } from './han-names';
import { HOMOPHONE_GROUPS, homophonesOf } from './homophones';
import {
  DOT_VARIANTS,
  GBK_DOT_VARIANTS,
  dotVariantName,
  gbkName,
  homophoneName,
  spacedName,
  traditionalName,
} from './name-noise';

const toneless = (text: string): string => pinyin(text, { toneType: 'none' });
const inGbk = (text: string): boolean => iconv.decode(iconv.encode(text, 'gbk'), 'gbk') === text;

describe('name noise', () => {
  it('homophone groups really share their pinyin, so 张伟 and 张玮 read alike', () => {
    for (const group of HOMOPHONE_GROUPS) expect(new Set([...group].map(toneless)).size).toBe(1);
    expect(homophonesOf('伟')).toContain('玮');
  });

  it('swaps a given-name character for a homophone, never the surname', () => {
    const rng = new Random(5);
    for (let i = 0; i < 50; i++) {
      const variant = homophoneName('张伟', 1, rng);
      expect(variant?.[0]).toBe('张');
      expect(variant).not.toBe('张伟');
      expect(toneless(variant ?? '')).toBe(toneless('张伟'));
    }
    expect(homophoneName('张㐀', 1, rng)).toBeUndefined();
  });

  it('writes traditional characters, a space after the surname and other dots', () => {
    expect(traditionalName('刘丽华')).toBe('劉麗華');
    expect(spacedName('欧阳娜', 2)).toBe('欧阳 娜');
    const dotted = dotVariantName('阿依古丽·买买提', new Random(1));
    expect(DOT_VARIANTS.some((dot) => dotted === `阿依古丽${dot}买买提`)).toBe(true);
  });

  it('knows which characters GBK systems cannot store, and what they hold instead', () => {
    for (const [rare, common] of RARE_CHARACTERS) {
      expect(inGbk(rare)).toBe(false);
      expect(inGbk(common)).toBe(true);
      expect(toneless(common)).toBe(toneless(rare));
    }
    expect(gbkName('王𬀩', false)).toBe('王?');
    expect(gbkName('王𬀩', true)).toBe('王伟');
    expect(GBK_DOT_VARIANTS.every(inGbk)).toBe(true);
  });

  it('keeps the family surname for a child and draws common names whole for adults', () => {
    const rng = new Random(2);
    const child = hanName('恽', '2015-01-01', '1', rng, { commonNameRate: 1, rareCharacterRate: 0 });
    expect(child.surname).toBe('恽');
    const adult = hanName(null, '1980-01-01', '2', rng, { commonNameRate: 1, rareCharacterRate: 0 });
    expect(COMMON_NAMES['2'].split(' ')).toContain(adult.surname + adult.given);
  });
});
