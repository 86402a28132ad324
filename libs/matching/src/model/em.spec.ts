import { fitModel } from './em';
import { FIELD_LEVELS, FIELDS, MISSING, type ComparisonVector, type Field } from './fields';
import { seededRandom, type Random } from './seeded-random';

/** Known truth: per field, m and u over the levels that carry evidence. */
const TRUE_M: Record<Field, number[]> = {
  id: [0.85, 0.1, 0.05],
  name: [0.8, 0.1, 0.07, 0.03],
  birthDate: [0.8, 0.05, 0.05, 0.05, 0.05],
  gender: [0.97, 0.03],
  phone: [0.7, 0.3],
  address: [0.6, 0.15, 0.1, 0.15],
};
const TRUE_U: Record<Field, number[]> = {
  id: [0.01, 0.02, 0.97],
  name: [0.05, 0.05, 0.1, 0.8],
  birthDate: [0.02, 0.01, 0.02, 0.05, 0.9],
  gender: [0.5, 0.5],
  phone: [0.1, 0.9],
  address: [0.1, 0.1, 0.2, 0.6],
};
const TRUE_LAMBDA = 0.3;
const MISSING_RATE = 0.2;

function draw(random: Random, probabilities: number[]): number {
  let r = random();
  for (let i = 0; i < probabilities.length; i++) {
    r -= probabilities[i];
    if (r < 0) return i;
  }
  return probabilities.length - 1;
}

function sample(random: Random, count: number): ComparisonVector[] {
  return Array.from({ length: count }, () => {
    const isMatch = random() < TRUE_LAMBDA;
    const entries = FIELDS.map((field) => {
      const levels = FIELD_LEVELS[field].filter((level) => level !== MISSING);
      const level =
        random() < MISSING_RATE ? MISSING : levels[draw(random, (isMatch ? TRUE_M : TRUE_U)[field])];
      return [field, level];
    });
    return Object.fromEntries(entries) as ComparisonVector;
  });
}

describe(fitModel.name, () => {
  const vectors = sample(seededRandom(42), 40_000);

  it('recovers known m, u and match share from an unlabelled sample', () => {
    const sut = fitModel(vectors);
    expect(sut.training.converged).toBe(true);
    expect(sut.matchProportion).toBeCloseTo(TRUE_LAMBDA, 1);
    for (const field of FIELDS) {
      const fitted = Object.values(sut.fields[field]);
      fitted.forEach((level, i) => {
        expect(Math.abs(level.m - TRUE_M[field][i])).toBeLessThan(0.03);
        expect(Math.abs(level.u - TRUE_U[field][i])).toBeLessThan(0.03);
      });
    }
  });

  it('does not depend on the order of the vectors', () => {
    const reversed = fitModel([...vectors].reverse());
    expect(reversed).toEqual(fitModel(vectors));
  });

  it('takes u of the chance fields from random pairs and rescales λ to all pairs', () => {
    const unrelated: ComparisonVector = {
      id: 'different',
      name: 'different',
      birthDate: 'different',
      gender: 'equal',
      phone: 'different',
      address: 'different',
    };
    const population = {
      randomVectors: Array<ComparisonVector>(1000).fill(unrelated),
      totalPairs: 4_000_000,
    };
    const sut = fitModel(vectors, { population });
    const candidateOnly = fitModel(vectors);
    expect(sut.fields.name.exact.u).toBeLessThan(0.001);
    expect(sut.fields.gender.equal.u).toBeGreaterThan(0.99);
    expect(sut.fields.phone).toEqual(candidateOnly.fields.phone);
    expect(sut.fields.name.exact.m).toBe(candidateOnly.fields.name.exact.m);
    expect(sut.matchProportion).toBeCloseTo((candidateOnly.matchProportion * vectors.length) / 4_000_000, 10);
    expect(sut.training.uFromRandomPairs).toEqual(['id', 'name', 'birthDate', 'gender']);
  });
});
