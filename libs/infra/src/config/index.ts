export * from './hub-config';
export * from './department-settings';
