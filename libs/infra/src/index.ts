export * from './config';
export * from './logging';
export * from './queues';
export * from './redis';
export * from './preflight';
export * from './postgres';
