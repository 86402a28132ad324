export { createGridGovernanceConnector, type GridGovernanceConnector } from './grid-governance.connector';
export type { GridBatchContext, GridGovernanceOptions } from './grid-governance.types';
