export { createEmploymentConnector, EMPLOYMENT } from './employment.connector';
export type { EmploymentExportRow, EmploymentOptions } from './employment.types';
