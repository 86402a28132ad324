import { type Connector } from '@hub/connectors';
import { createAgingServicesConnector } from '@hub/connectors/aging-services';
import { createCivilAssistanceConnector } from '@hub/connectors/civil-assistance';
import { createDisabilityConnector } from '@hub/connectors/disability';
import { createEmploymentConnector } from '@hub/connectors/employment';
import { createFamilyPlanningConnector } from '@hub/connectors/family-planning';
import { createGridGovernanceConnector } from '@hub/connectors/grid-governance';
import { createJusticeCorrectionsConnector } from '@hub/connectors/justice-corrections';
import { createMilitiaConscriptionConnector } from '@hub/connectors/militia-conscription';
import { createPolicePopulationConnector } from '@hub/connectors/police-population';
import { createPublicHealthConnector } from '@hub/connectors/public-health';
import { createSocialInsuranceConnector } from '@hub/connectors/social-insurance';
import { createStatisticsConnector } from '@hub/connectors/statistics';
import type { DepartmentSystem, HubConfig } from '@hub/infra';
import type { ConnectorRegistry } from './connector-registry';

/** The connectors this worker delivers to, with addresses and credentials from the configuration. */
export function buildConnectors(config: HubConfig): ConnectorRegistry {
  const departments = config.departments();
  const c = (slug: DepartmentSystem) =>
    ({ baseUrl: departments.url(slug), ...departments.credentials(slug) }) as never;
  const { start: windowStart, end: windowEnd } = departments.socialInsuranceWindow;
  const factories: Record<DepartmentSystem, () => Connector> = {
    'police-population': () => createPolicePopulationConnector(c('police-population')),
    'civil-assistance': () => createCivilAssistanceConnector(c('civil-assistance')),
    'aging-services': () => createAgingServicesConnector(c('aging-services')),
    'family-planning': () =>
      createFamilyPlanningConnector({ connectionString: departments.familyPlanningUrl }),
    'public-health': () => createPublicHealthConnector(c('public-health')),
    employment: () => createEmploymentConnector(c('employment')),
    'social-insurance': () =>
      createSocialInsuranceConnector({
        ...(c('social-insurance') as object),
        windowStart,
        windowEnd,
      } as never),
    disability: () => createDisabilityConnector(c('disability')),
    'justice-corrections': () => createJusticeCorrectionsConnector(c('justice-corrections')),
    'militia-conscription': () => createMilitiaConscriptionConnector(c('militia-conscription')),
    'grid-governance': () => createGridGovernanceConnector(c('grid-governance')),
    statistics: () => createStatisticsConnector(c('statistics')),
  };
  return new Map(departments.enabled.map((slug) => [slug, factories[slug]()]));
}
