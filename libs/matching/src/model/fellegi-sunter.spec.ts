import {
  classify,
  modelFromProbabilities,
  posterior,
  score,
  thresholdsFor,
  type Model,
} from './fellegi-sunter';
import { FIELD_LEVELS, FIELDS, MISSING, type ComparisonVector, type Field } from './fields';
import { NameFrequencies } from './name-frequencies';

/** m falls and u rises level by level; the first level is the strongest agreement. */
function handModel(matchProportion = 0.2): Model {
  const m = new Map<Field, number[]>();
  const u = new Map<Field, number[]>();
  for (const field of FIELDS) {
    const count = FIELD_LEVELS[field].filter((level) => level !== MISSING).length;
    const shares = (weights: number[]) => weights.map((w) => w / weights.reduce((a, b) => a + b, 0));
    m.set(field, shares(Array.from({ length: count }, (_, i) => 2 ** (count - i))));
    u.set(field, shares(Array.from({ length: count }, (_, i) => 2 ** i)));
  }
  return modelFromProbabilities(matchProportion, m, u, {
    pairs: 0,
    patterns: 0,
    iterations: 0,
    converged: true,
    uFromRandomPairs: [],
  });
}

const agreeing: ComparisonVector = {
  id: 'equal',
  name: 'exact',
  birthDate: 'equal',
  gender: 'equal',
  phone: 'equal',
  address: 'same-room',
};

describe(score.name, () => {
  const sut = handModel();

  it('sums log2(m/u) over the fields', () => {
    const expected = FIELDS.reduce((sum, field) => {
      const level = (sut.fields[field] as Record<string, { m: number; u: number }>)[agreeing[field]];
      return sum + Math.log2(level.m / level.u);
    }, 0);
    expect(score(sut, agreeing)).toBeCloseTo(expected);
  });

  it('counts a missing field as no evidence', () => {
    const withoutPhone = { ...agreeing, phone: 'missing' } as const;
    expect(score(sut, withoutPhone)).toBeCloseTo(score(sut, agreeing) - sut.fields.phone.equal.weight);
  });

  it('scores an exact match on 钟馗 above one on 张伟', () => {
    const names = NameFrequencies.fromNames([...Array<string>(50).fill('张伟'), '钟馗', '李雷', '韩梅梅']);
    const rare = score(sut, agreeing, { name: names.adjustment('钟馗') });
    const common = score(sut, agreeing, { name: names.adjustment('张伟') });
    expect(rare).toBeGreaterThan(common);
  });

  it('applies the name adjustment only to exact agreement', () => {
    const homophone = { ...agreeing, name: 'same-pinyin' } as const;
    expect(score(sut, homophone, { name: 5 })).toBe(score(sut, homophone));
  });
});

describe(thresholdsFor.name, () => {
  it('puts the link threshold where the posterior reaches 0.999 and review at 0.5', () => {
    const model = handModel(0.05);
    expect(posterior(model, model.thresholds.link)).toBeCloseTo(0.999, 6);
    expect(posterior(model, model.thresholds.review)).toBeCloseTo(0.5, 6);
  });

  it('asks for more evidence when matches are rarer among the candidates', () => {
    expect(thresholdsFor(0.01).link).toBeGreaterThan(thresholdsFor(0.5).link);
  });
});

describe(classify.name, () => {
  it('classifies by the thresholds', () => {
    const thresholds = { link: 10, review: 2 };
    expect([
      classify(12, thresholds),
      classify(10, thresholds),
      classify(3, thresholds),
      classify(-4, thresholds),
    ]).toEqual(['link', 'link', 'review', 'non-match']);
  });
});

describe('Model', () => {
  it('is plain data that round-trips through JSON', () => {
    const model = handModel();
    const copy = JSON.parse(JSON.stringify(model)) as Model;
    expect(copy).toEqual(model);
    expect(score(copy, agreeing)).toBe(score(model, agreeing));
  });
});
