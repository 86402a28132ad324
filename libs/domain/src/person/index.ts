export { ageOn, chinaToday } from './age';
export { checkName, maskName, normaliseName } from './name';
export { checkPhone, maskPhone, normalisePhone } from './phone';
export { pinyinFull, pinyinInitials } from './pinyin';
export { disabilityCertificateProblem } from './disability-certificate';
