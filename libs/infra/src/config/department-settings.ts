import { DEPARTMENT_SYSTEMS, isDepartmentSystem, type DepartmentSystem } from '../queues/departments';

export type Credentials = Readonly<Record<string, string>>;

/** The departments' settings, parsed and checked once when the configuration is loaded. */
export interface DepartmentSettings {
  /** Where the system answers: as configured, else the local simulator's port for it. */
  url(system: DepartmentSystem): string;
  /** The system's credentials as configured, over the simulator's development ones. */
  credentials(system: DepartmentSystem): Credentials;
  /** The systems this worker delivers to and reads from. */
  enabled: readonly DepartmentSystem[];
  /** social-insurance's upload window, Beijing time (`HH:mm`). */
  socialInsuranceWindow: { start: string; end: string };
  /** family-planning's exchange database (前置库). */
  familyPlanningUrl: string;
  /** Delivery calls per second allowed to the system, across all workers (none: unlimited). */
  ratePerSecond(system: DepartmentSystem): number | undefined;
}

/** The settings this is parsed from (`HubConfig`'s). */
export interface DepartmentSettingsSource {
  DEPARTMENT_URLS: string;
  DEPARTMENT_CREDENTIALS: string;
  ENABLED_SYSTEMS: string;
  SOCIAL_INSURANCE_WINDOW: string;
  FAMILY_PLANNING_DATABASE_URL: string;
  SIM_DATABASE_URL: string;
  RATE_LIMITS: string;
  DEPARTMENTS_HOST: string;
  SIM_BASE_PORT: number;
}

/**
 * The simulator's development credentials (documented in each simulated department). Real
 * departments issue their own: set DEPARTMENT_CREDENTIALS.
 */
const DEVELOPMENT_CREDENTIALS: Record<DepartmentSystem, Credentials> = {
  'police-population': { username: 'hub', password: 'hub-police-secret' },
  'civil-assistance': { appKey: 'hub', appSecret: 'hub-civil-secret' },
  'aging-services': { clientId: 'hub', clientSecret: 'hub-aging-secret' },
  'family-planning': {},
  'public-health': { token: 'hub-health-token' },
  employment: { username: 'hub', password: 'hub-employment-secret' },
  'social-insurance': { username: 'hub', password: 'hub-insurance-secret' },
  disability: { apiKey: 'hub-disability-key' },
  'justice-corrections': { sm4Key: '0123456789abcdeffedcba9876543210', macKey: 'hub-justice-mac-key' },
  'militia-conscription': { username: 'hub', password: 'hub-militia-secret' },
  'grid-governance': { token: 'hub-grid-token' },
  statistics: { token: 'hub-stats-token' },
};

/** A JSON object keyed by department slug; every problem is pushed to `problems`, naming the setting. */
function perSystem<T>(
  name: string,
  text: string,
  valid: (value: unknown) => value is T,
  problems: string[],
): Partial<Record<DepartmentSystem, T>> {
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.push(`${name}: 不是有效的 JSON (not valid JSON)`);
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push(`${name}: 应为以系统名为键的 JSON 对象 (a JSON object keyed by system)`);
    return {};
  }
  const out: Partial<Record<DepartmentSystem, T>> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!isDepartmentSystem(key)) problems.push(`${name}: 未知的系统 "${key}" (unknown system)`);
    else if (!valid(value)) problems.push(`${name}: "${key}" 的值格式不对 (malformed value)`);
    else out[key] = value;
  }
  return out;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isTextRecord = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');
const isRate = (v: unknown): v is number => typeof v === 'number' && v > 0;

/** The simulator's exchange database `<db>_fp`, with the login the department gives the hub. */
function simulatorFamilyPlanningUrl(simDatabaseUrl: string): string {
  const url = new URL(simDatabaseUrl);
  url.pathname = `${url.pathname}_fp`;
  url.username = 'fp_hub';
  url.password = 'hub-fp-secret';
  return url.toString();
}

/** Parses the department settings; throws one error listing every problem, each naming its setting. */
export function parseDepartmentSettings(source: DepartmentSettingsSource): DepartmentSettings {
  const problems: string[] = [];
  const urls = perSystem('DEPARTMENT_URLS', source.DEPARTMENT_URLS, isText, problems);
  const secrets = perSystem('DEPARTMENT_CREDENTIALS', source.DEPARTMENT_CREDENTIALS, isTextRecord, problems);
  const rates = perSystem('RATE_LIMITS', source.RATE_LIMITS, isRate, problems);
  const listed = source.ENABLED_SYSTEMS;
  const enabled =
    listed === 'all' ? DEPARTMENT_SYSTEMS.map((s) => s.slug) : listed === 'none' ? [] : listed.split(',');
  const unknown = enabled.filter((slug) => !isDepartmentSystem(slug));
  if (unknown.length > 0)
    problems.push(`ENABLED_SYSTEMS: 未知的系统 ${unknown.join(', ')} (unknown systems)`);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const [start, end] = source.SOCIAL_INSURANCE_WINDOW.split('-');
  return {
    url: (system) =>
      urls[system] ??
      `http://${source.DEPARTMENTS_HOST}:${source.SIM_BASE_PORT + DEPARTMENT_SYSTEMS.findIndex((s) => s.slug === system) + 1}`,
    credentials: (system) => ({ ...DEVELOPMENT_CREDENTIALS[system], ...secrets[system] }),
    // In the order of DEPARTMENT_SYSTEMS, whatever order the setting lists them in.
    enabled: DEPARTMENT_SYSTEMS.map((s) => s.slug).filter((slug) => enabled.includes(slug)),
    socialInsuranceWindow: { start, end },
    familyPlanningUrl:
      source.FAMILY_PLANNING_DATABASE_URL || simulatorFamilyPlanningUrl(source.SIM_DATABASE_URL),
    ratePerSecond: (system) => rates[system],
  };
}
