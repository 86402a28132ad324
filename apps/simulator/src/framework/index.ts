export * from './citizen-id';
export * from './counters';
export * from './department';
export * from './department-server';
export * from './faults';
export * from './http-helpers';
export * from './rate-limit';
export * from './simulator';
