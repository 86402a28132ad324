export * from './militia-conscription.connector';
export * from './militia-conscription.mapping';
export * from './militia-conscription.relevance';
export * from './militia-conscription.roster';
export * from './militia-conscription.types';
