import type { Connector } from '@hub/connectors';

/** The connectors this worker delivers to (built from configuration at start-up). */
export const CONNECTORS = Symbol('CONNECTORS');

export type ConnectorRegistry = ReadonlyMap<string, Connector>;
