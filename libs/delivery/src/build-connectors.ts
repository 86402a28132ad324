import type { Connector } from '@hub/connectors';
import type { HubConfig } from '@hub/infra';
import type { ConnectorRegistry } from './connector-registry';

/**
 * The connectors this worker runs, with their addresses and credentials from the configuration.
 * Each system is added here as its connector lands.
 */
export function buildConnectors(_config: HubConfig): ConnectorRegistry {
  const connectors: Connector[] = [];
  return new Map(connectors.map((c) => [c.slug, c]));
}
