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
import { DEPARTMENT_SYSTEMS, type HubConfig } from '@hub/infra';
import type { ConnectorRegistry } from './connector-registry';

/**
 * The simulator's development credentials (documented in each simulated department). Real
 * departments issue their own: set DEPARTMENT_CREDENTIALS.
 */
const DEVELOPMENT_CREDENTIALS: Record<string, Record<string, string>> = {
  'police-population': { username: 'hub', password: 'hub-police-secret' },
  'civil-assistance': { appKey: 'hub', appSecret: 'hub-civil-secret' },
  'aging-services': { clientId: 'hub', clientSecret: 'hub-aging-secret' },
  'public-health': { token: 'hub-health-token' },
  employment: { username: 'hub', password: 'hub-employment-secret' },
  'social-insurance': { username: 'hub', password: 'hub-insurance-secret' },
  disability: { apiKey: 'hub-disability-key' },
  'justice-corrections': { sm4Key: '0123456789abcdeffedcba9876543210', macKey: 'hub-justice-mac-key' },
  'militia-conscription': { username: 'hub', password: 'hub-militia-secret' },
  'grid-governance': { token: 'hub-grid-token' },
  statistics: { token: 'hub-stats-token' },
};

const parseJson = (text: string, name: string): Record<string, unknown> => {
  if (!text) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`${name} is not valid JSON`);
  }
};

/** The family-planning exchange database: the simulator's `<db>_fp` with the department's login. */
function familyPlanningUrl(config: HubConfig): string {
  if (config.FAMILY_PLANNING_DATABASE_URL) return config.FAMILY_PLANNING_DATABASE_URL;
  const url = new URL(config.SIM_DATABASE_URL);
  url.pathname = `${url.pathname}_fp`;
  url.username = 'fp_hub';
  url.password = 'hub-fp-secret';
  return url.toString();
}

/** The connectors this worker delivers to, with addresses and credentials from the configuration. */
export function buildConnectors(config: HubConfig): ConnectorRegistry {
  const urls = parseJson(config.DEPARTMENT_URLS, 'DEPARTMENT_URLS') as Record<string, string>;
  const secrets = parseJson(config.DEPARTMENT_CREDENTIALS, 'DEPARTMENT_CREDENTIALS') as Record<
    string,
    Record<string, string>
  >;
  const base = (slug: string): string => {
    const index = DEPARTMENT_SYSTEMS.findIndex((s) => s.slug === slug);
    return urls[slug] ?? `http://${config.DEPARTMENTS_HOST}:${config.SIM_BASE_PORT + index + 1}`;
  };
  const creds = (slug: string): Record<string, string> => ({
    ...DEVELOPMENT_CREDENTIALS[slug],
    ...secrets[slug],
  });
  const c = (slug: string) => ({ baseUrl: base(slug), ...creds(slug) }) as never;
  const [windowStart, windowEnd] = config.SOCIAL_INSURANCE_WINDOW.split('-');
  const factories: Record<string, () => Connector> = {
    'police-population': () => createPolicePopulationConnector(c('police-population')),
    'civil-assistance': () => createCivilAssistanceConnector(c('civil-assistance')),
    'aging-services': () => createAgingServicesConnector(c('aging-services')),
    'family-planning': () => createFamilyPlanningConnector({ connectionString: familyPlanningUrl(config) }),
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
  const enabled = config.ENABLED_SYSTEMS;
  const wanted = enabled === 'all' ? null : new Set(enabled === 'none' ? [] : enabled.split(','));
  return new Map(
    DEPARTMENT_SYSTEMS.filter(({ slug }) => !wanted || wanted.has(slug)).map(({ slug }) => [
      slug,
      factories[slug](),
    ]),
  );
}
