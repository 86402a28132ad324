export * from './seed-geography';
export { COMMUNITIES, DISTRICTS, STREETS, gridCellsFor } from './geography';
