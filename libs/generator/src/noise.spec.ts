import { DEFAULT_NOISE, resolveNoise } from './noise';

describe(resolveNoise.name, () => {
  it('takes the defaults, overrides some, scales all and clamps to a probability', () => {
    expect(resolveNoise()).toEqual(DEFAULT_NOISE);
    expect(resolveNoise({ homophone: 0.2 }).homophone).toBe(0.2);
    const doubled = resolveNoise({ scale: 2, dotVariant: 0.8 });
    expect(doubled.traditional).toBeCloseTo(DEFAULT_NOISE.traditional * 2);
    expect(doubled.dotVariant).toBe(1);
    expect(Object.values(resolveNoise({ scale: 0 })).every((rate) => rate === 0)).toBe(true);
  });

  it('refuses a rate that is not a number', () => {
    expect(() => resolveNoise({ homophone: Number.NaN })).toThrow(RangeError);
  });
});
