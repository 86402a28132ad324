/**
 * The matching model: blocking, comparators, Fellegi–Sunter with EM, hard rules, clustering
 * and evaluation. Pure TypeScript over normalised `SourcePerson`s; no database.
 */
export * from './blocking';
export * from './clusterer';
export * from './comparators/compare';
export { compareAddresses } from './comparators/address.comparator';
export { compareBirthDates } from './comparators/birth-date.comparator';
export { compareIds } from './comparators/id.comparator';
export { compareNames } from './comparators/name.comparator';
export * from './em';
export * from './evaluation';
export * from './fellegi-sunter';
export * from './fields';
export * from './hard-rules';
export * from './name-frequencies';
export * from './prepared-person';
export * from './random-pairs';
export * from './resolve';
export { benchmarkPairComparison, type PairBenchmark } from './benchmark';
