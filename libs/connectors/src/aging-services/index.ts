export * from './aging-services.connector';
export * from './aging-services.mapping';
export * from './aging-services.relevance';
export * from './aging-services.types';
