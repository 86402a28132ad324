export { codeEntries, codeName, isCode } from './code-table';
export type { CodeTable } from './code-table';
export * from './code-tables';
export * from './household-codes';
export * from './hub-codes';
export * from './person-codes';
