import fc from 'fast-check';
import { Random, hashString } from './random';

describe(Random.name, () => {
  it('repeats its sequence for the same seed and stream, and differs between streams', () => {
    const draw = (rng: Random) => Array.from({ length: 20 }, () => rng.next32());
    expect(draw(new Random(7, 'police'))).toEqual(draw(new Random(7, 'police')));
    expect(draw(new Random(7, 'police'))).not.toEqual(draw(new Random(7, 'grid')));
    expect(draw(new Random(7))).not.toEqual(draw(new Random(8)));
  });

  it('keeps int() within its bounds, both included', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(50), (seed, min, span) => {
        const rng = new Random(seed);
        const values = Array.from({ length: 30 }, () => rng.int(min, min + span));
        expect(values.every((v) => Number.isInteger(v) && v >= min && v <= min + span)).toBe(true);
      }),
    );
  });

  it('draws weighted values in proportion and never a zero-weight one', () => {
    const rng = new Random(1);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++)
      counts[
        rng.weighted([
          ['a', 3],
          ['b', 1],
          ['c', 0],
        ] as const)
      ]++;
    expect(counts.c).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.5);
    expect(counts.a / counts.b).toBeLessThan(3.5);
  });

  it('makes lower-case hex ids of the asked length', () => {
    expect(new Random(3).hex(32)).toMatch(/^[0-9a-f]{32}$/);
    expect(hashString('a')).not.toBe(hashString('b'));
  });
});
