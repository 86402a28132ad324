/**
 * @hub/generator: a deterministic synthetic city (people, households, statuses) and, from it,
 * every department's seed file with realistic noise and the ground truth behind each record.
 */
export { generateCity } from './generate-city';
export { GRIDS_PER_COMMUNITY } from './geography';
export type { GenerateCityOptions, GenerateCityResult } from './generate-city';
export { main } from './cli';
export { DEFAULT_NOISE, resolveNoise } from './noise';
export type { NoiseOptions, NoiseRates } from './noise';
export { ID_NOISE, NOISE_TAGS } from './output/truth';
export type { NoiseTag, PersonLine, TruthLine } from './output/truth';
