export { parseAddress } from './address';
export { normaliseDate } from './date';
export { normaliseGender } from './gender';
export { normaliseIdNumber, type NormalisedIdNumber } from './id-number';
export { NAME_DOT, nameHasPlaceholder, normaliseName } from './name';
export { normalisePhone } from './phone';
