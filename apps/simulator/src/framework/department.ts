import type { RequestListener, ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import type { HubConfig } from '@hub/infra';
import type { Counters } from './counters';
import type { FaultState } from './faults';

export const DEPARTMENT_SLUGS = [
  'police-population',
  'civil-assistance',
  'aging-services',
  'family-planning',
  'public-health',
  'employment',
  'social-insurance',
  'disability',
  'justice-corrections',
  'militia-conscription',
  'grid-governance',
  'statistics',
] as const;

export type DepartmentSlug = (typeof DEPARTMENT_SLUGS)[number];

/** What the framework gives each department: its storage, seed, clock, counters and faults. */
export interface SimContext {
  slug: DepartmentSlug;
  /** The simulator database; each department keeps its tables in its own schema. */
  db: Pool;
  /** `sim_<slug>` with underscores: the department's schema. */
  schema: string;
  /** Path of `<SIM_SEED_DIR>/<slug>.<ext>` when that file exists. */
  seedFile(ext: string): string | undefined;
  counters: Counters;
  faults: FaultState;
  /** The department's "now"; tests move it (upload windows, report deadlines, token expiry). */
  now(): Date;
  /** The spec's artificial delays and rate limits are on. */
  realism: boolean;
  config: HubConfig;
}

/**
 * One departmental system as the spec describes it. It is written from the spec alone and never
 * imports the hub's connectors, so the two check each other.
 */
export interface Department {
  slug: DepartmentSlug;
  /** Creates its storage if missing and, when the storage is empty, loads the seed file. */
  init(ctx: SimContext): Promise<void>;
  /** Its network protocol. Departments without HTTP (family-planning's exchange tables) omit it. */
  handler?(ctx: SimContext): RequestListener | Promise<RequestListener>;
  /** How this system answers when a fault says "fail this call" (its own error format). */
  failure?(res: ServerResponse): void;
  /** Background work: processing exchange rows, producing batch results. Returns a stop function. */
  start?(ctx: SimContext): Promise<() => Promise<void>>;
  /** A change the department makes itself (a death registered at the police station, …). */
  simulate?(ctx: SimContext, action: string, body: unknown): Promise<unknown>;
  /** Its whole content as plain records, so tests can compare it with what the hub holds. */
  dump?(ctx: SimContext): Promise<unknown[]>;
}
