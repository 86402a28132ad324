export * from './family-planning.connector';
export * from './family-planning.mapping';
export * from './family-planning.relevance';
export * from './family-planning.types';
