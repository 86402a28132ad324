export * from './disability.connector';
export * from './disability.mapping';
export * from './disability.relevance';
export * from './disability.types';
