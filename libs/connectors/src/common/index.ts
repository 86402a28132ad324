export * from './age';
export * from './connector';
export * from './connector-error';
export * from './http-client';
