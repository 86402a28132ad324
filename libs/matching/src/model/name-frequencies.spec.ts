import { NameFrequencies } from './name-frequencies';

/** 张伟 on 200 of 1000 records, 钟馗 on one, and a spread of other names. */
function cityNames(): string[] {
  const others = Array.from({ length: 799 }, (_, i) => `李${String.fromCharCode(0x4e00 + (i % 400))}`);
  return [...Array<string>(200).fill('张伟'), '钟馗', ...others];
}

describe(NameFrequencies.name, () => {
  const sut = NameFrequencies.fromNames([...cityNames(), null]);

  it('counts normalised names, ignoring absent ones', () => {
    expect(sut.total).toBe(1000);
    expect(sut.frequency('张伟')).toBeCloseTo(0.2);
    expect(sut.frequency('钟馗')).toBeCloseTo(0.001);
  });

  it('gives an exact match on a rare name more weight than on a common one', () => {
    expect(sut.adjustment('钟馗')).toBeGreaterThan(0);
    expect(sut.adjustment('张伟')).toBeLessThan(0);
    expect(sut.adjustment('钟馗') - sut.adjustment('张伟')).toBeCloseTo(Math.log2(0.2 / 0.001));
  });

  it('treats an unseen name as seen once', () => {
    expect(sut.frequency('欧阳修')).toBe(sut.frequency('钟馗'));
  });

  it('round-trips through JSON', () => {
    const copy = NameFrequencies.fromJSON(JSON.parse(JSON.stringify(sut)));
    expect(copy.adjustment('张伟')).toBe(sut.adjustment('张伟'));
  });
});
