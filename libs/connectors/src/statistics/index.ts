export * from './statistics.connector';
export * from './statistics.relevance';
export * from './statistics.report';
export * from './statistics.types';
