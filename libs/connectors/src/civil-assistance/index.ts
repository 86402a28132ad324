export * from './civil-assistance.connector';
export * from './civil-assistance.mapping';
export * from './civil-assistance.relevance';
export * from './civil-assistance.types';
