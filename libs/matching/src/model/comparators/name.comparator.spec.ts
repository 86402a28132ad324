import { preparedPerson } from '../synthetic/source-person.fixture';
import { compareNames } from './name.comparator';

const named = (name: string | null) => preparedPerson({ name });

describe(compareNames.name, () => {
  it('is exact for the same text', () => {
    expect(compareNames(named('张伟'), named('张伟'))).toBe('exact');
  });

  it('finds homophones: 张伟 and 张玮 share their pinyin', () => {
    expect(compareNames(named('张伟'), named('张玮'))).toBe('same-pinyin');
  });

  it('reads polyphonic surnames as surnames', () => {
    expect(named('单雄信').pinyin).toBe('shanxiongxin');
  });

  it('is similar for one pinyin letter off (陈静 / 陈进)', () => {
    expect(compareNames(named('陈静'), named('陈进'))).toBe('similar');
  });

  it('is similar for one character replaced in a three-character name', () => {
    expect(compareNames(named('王建国'), named('王建军'))).toBe('similar');
  });

  it('is similar when a rare character was stored as `?`', () => {
    expect(compareNames(named('张犇'), named('张?'))).toBe('similar');
  });

  it('is different when two-character names share only the surname', () => {
    expect(compareNames(named('张伟'), named('张三'))).toBe('different');
  });

  it('is missing when either name is absent', () => {
    expect(compareNames(named('张伟'), named(null))).toBe('missing');
  });
});
