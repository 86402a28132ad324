import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { parseDepartmentSettings, type DepartmentSettings } from './department-settings';

/**
 * The one place that reads process.env. Every setting has a default that works on a
 * developer machine (local PostgreSQL and Redis), so `npm start` needs no .env file.
 */
/** Each config's department settings, parsed once (not an own property: keys are env names). */
const parsedDepartments = new WeakMap<HubConfig, DepartmentSettings>();

export class HubConfig {
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/hub';

  @IsString()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** BullMQ key prefix: tests and parallel environments each use their own. */
  @IsString()
  @Matches(/^[a-zA-Z0-9_:-]+$/)
  QUEUE_PREFIX = 'hub';

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(16)
  JWT_SECRET = 'dev-only-secret-change-me-in-production';

  @IsInt()
  @Min(60)
  JWT_TTL_SECONDS = 8 * 3600;

  @IsIn(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
  LOG_LEVEL = 'info';

  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  /**
   * `pretty` (one coloured line per event, for a person at a terminal) or `json` (one object per
   * line, for a log collector). Unset: pretty in development, JSON otherwise.
   */
  @IsOptional()
  @IsIn(['pretty', 'json'])
  LOG_FORMAT?: 'pretty' | 'json';

  /** Largest request body the API accepts; a household with ten members is ~10 kB. */
  @IsString()
  BODY_LIMIT = '256kb';

  @IsInt()
  @Min(1)
  DB_POOL_SIZE = 20;

  /** How often the outbox relay polls when no NOTIFY arrives (ms). */
  @IsInt()
  @Min(10)
  RELAY_POLL_MS = 1000;

  /**
   * Where each department answers: JSON `{ "<slug>": "https://…" }`. Systems not listed default to
   * the local simulator (http://127.0.0.1:SIM_BASE_PORT + its number).
   */
  @IsOptional()
  @IsString()
  DEPARTMENT_URLS = '';

  /**
   * Credentials per department as JSON `{ "<slug>": { … } }`, merged over the simulator's
   * development credentials. Production must set every system's own.
   */
  @IsOptional()
  @IsString()
  DEPARTMENT_CREDENTIALS = '';

  /** Systems this worker delivers to and reads from: `all`, `none`, or a comma list of slugs. */
  @IsString()
  @Matches(/^(all|none|[a-z-]+(,[a-z-]+)*)$/)
  ENABLED_SYSTEMS = 'all';

  /** family-planning's exchange database (前置库); default: the simulator's, with its own login. */
  @IsOptional()
  @IsString()
  FAMILY_PLANNING_DATABASE_URL = '';

  /** social-insurance's upload window, `HH:mm-HH:mm` Beijing time. */
  @IsString()
  @Matches(/^\d{2}:\d{2}-\d{2}:\d{2}$/)
  SOCIAL_INSURANCE_WINDOW = '22:00-06:00';

  /**
   * Delivery calls per second per system (JSON `{ "<slug>": n }`), enforced across all worker
   * processes; `{}` for benchmarks of the machinery alone. The police take 5 calls/s in all:
   * deliveries get 4, so the change-feed reader and reconciliation never push the total over.
   * (The grid client paces every call it makes itself.)
   */
  @IsString()
  RATE_LIMITS = '{"police-population":4,"grid-governance":5}';

  /** How often an idle batch system (social-insurance, militia, grid) is looked at (ms). */
  @IsInt()
  @Min(100)
  BATCH_FLUSH_MS = 5000;

  /** How often an idle department change feed is read (ms). */
  @IsInt()
  @Min(100)
  INBOUND_POLL_MS = 5000;

  /** Test-only fault injection: the relay SIGKILLs its own process after enqueueing, before marking. */
  @IsOptional()
  @IsIn(['', 'after-enqueue'])
  RELAY_CRASH_POINT = '';

  /** The simulator's control endpoint (faults, counters, clock); departments listen from SIM_BASE_PORT. */
  @IsInt()
  @Min(0)
  SIMULATOR_PORT = 4000;

  /** First department port (police-population = base + 1 … statistics = base + 12); 0 = any free port. */
  @IsInt()
  @Min(0)
  SIM_BASE_PORT = 4100;

  /** Address the simulator listens on (0.0.0.0 in containers). */
  @IsString()
  SIM_HOST = '127.0.0.1';

  /** Host of the departments that DEPARTMENT_URLS does not name (the simulator's, by default). */
  @IsString()
  DEPARTMENTS_HOST = '127.0.0.1';

  /** The departments' own storage: one schema per department (family-planning: its own database). */
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'SIM_DATABASE_URL must be a postgres:// URL' })
  SIM_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/hub_sim';

  /** Directory of seed files `<slug>.<ext>` in each department's export format; empty = start empty. */
  @IsOptional()
  @IsString()
  SIM_SEED_DIR = '';

  /** The spec's delays and rate limits: on for demos and the realistic benchmark, off for tests. */
  @IsIn(['on', 'off'])
  SIM_REALISM = 'on';

  /** Departments' addresses, credentials, windows and rates, parsed and checked once. */
  departments(): DepartmentSettings {
    let parsed = parsedDepartments.get(this);
    if (!parsed) {
      parsed = parseDepartmentSettings(this);
      parsedDepartments.set(this, parsed);
    }
    return parsed;
  }
}

const NUMERIC_KEYS: ReadonlyArray<keyof HubConfig> = [
  'PORT',
  'JWT_TTL_SECONDS',
  'DB_POOL_SIZE',
  'RELAY_POLL_MS',
  'BATCH_FLUSH_MS',
  'INBOUND_POLL_MS',
  'SIMULATOR_PORT',
  'SIM_BASE_PORT',
];

export function loadHubConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const defaults = new HubConfig();
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults) as Array<keyof HubConfig>) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    raw[key] = NUMERIC_KEYS.includes(key) ? Number(value) : value;
  }
  const config = Object.assign(defaults, plainToInstance(HubConfig, raw));
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`配置有误 (invalid configuration):\n${lines.join('\n')}`);
  }
  try {
    config.departments();
  } catch (error) {
    const lines = (error as Error).message.split('\n').map((line) => `  ${line}`);
    throw new Error(`配置有误 (invalid configuration):\n${lines.join('\n')}`);
  }
  return config;
}
