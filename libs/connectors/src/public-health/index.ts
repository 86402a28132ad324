export { createPublicHealthConnector } from './public-health.connector';
export type { PublicHealthOptions } from './public-health.types';
