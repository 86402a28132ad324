export { createJusticeCorrectionsConnector } from './justice-corrections.connector';
export type { JusticeCorrectionsOptions } from './justice-corrections.types';
