export { createSocialInsuranceConnector, SOCIAL_INSURANCE } from './social-insurance.connector';
export type { InsuranceExportRow, SocialInsuranceOptions } from './social-insurance.types';
