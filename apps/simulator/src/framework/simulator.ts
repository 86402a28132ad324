import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { ensureDatabase, type HubConfig } from '@hub/infra';
import { Counters } from './counters';
import type { Department, DepartmentSlug, SimContext } from './department';
import { DepartmentServer } from './department-server';
import { FaultState, withFaults, type FaultSettings } from './faults';

/** One department, running: its context, its server (if it speaks HTTP) and its background work. */
export interface RunningDepartment {
  department: Department;
  ctx: SimContext;
  server?: DepartmentServer;
  clockOffsetMs: number;
  stop?: () => Promise<void>;
}

/** All twelve departments in one process, each on its own port with its own storage. */
export class Simulator {
  readonly running = new Map<DepartmentSlug, RunningDepartment>();
  private pool: Pool | undefined;

  constructor(
    private readonly config: HubConfig,
    private readonly departments: Department[],
  ) {}

  async start(): Promise<void> {
    await ensureDatabase(this.config.SIM_DATABASE_URL);
    const pool = new Pool({ connectionString: this.config.SIM_DATABASE_URL, max: 20 });
    this.pool = pool;
    for (const [index, department] of this.departments.entries()) {
      const entry: RunningDepartment = {
        department,
        clockOffsetMs: 0,
        ctx: undefined as unknown as SimContext,
      };
      entry.ctx = this.contextFor(department.slug, pool, entry);
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${entry.ctx.schema}`);
      await department.init(entry.ctx);
      if (department.handler) {
        const listener = withFaults(
          await department.handler(entry.ctx),
          entry.ctx.faults,
          entry.ctx.counters,
          department.failure,
        );
        entry.server = new DepartmentServer(listener, this.config.SIM_HOST);
        await entry.server.listen(
          this.config.SIM_BASE_PORT === 0 ? 0 : this.config.SIM_BASE_PORT + index + 1,
        );
      }
      if (department.start) entry.stop = await department.start(entry.ctx);
      this.running.set(department.slug, entry);
    }
  }

  private contextFor(slug: DepartmentSlug, db: Pool, entry: RunningDepartment): SimContext {
    const seedDir = this.config.SIM_SEED_DIR;
    return {
      slug,
      db,
      schema: `sim_${slug.replace(/-/g, '_')}`,
      seedFile: (ext) => {
        const file = seedDir ? join(seedDir, `${slug}.${ext}`) : '';
        return file && existsSync(file) ? file : undefined;
      },
      counters: new Counters(),
      faults: new FaultState(),
      now: () => new Date(Date.now() + entry.clockOffsetMs),
      realism: this.config.SIM_REALISM === 'on',
      config: this.config,
    };
  }

  get(slug: string): RunningDepartment | undefined {
    return this.running.get(slug as DepartmentSlug);
  }

  async setFaults(slug: string, patch: Partial<FaultSettings>): Promise<FaultSettings | undefined> {
    const entry = this.get(slug);
    if (!entry) return undefined;
    const settings = entry.ctx.faults.update(patch);
    await entry.server?.setDown(settings.down);
    return settings;
  }

  /** Moves a department's clock to the given instant (null: back to real time). */
  setClock(slug: string, at: string | null): boolean {
    const entry = this.get(slug);
    if (!entry) return false;
    entry.clockOffsetMs = at ? new Date(at).getTime() - Date.now() : 0;
    return true;
  }

  describe(): Array<{ slug: string; port: number | null; up: boolean | null } & Record<string, unknown>> {
    return [...this.running.values()].map(({ department, ctx, server }) => ({
      slug: department.slug,
      port: server?.port ?? null,
      up: server ? server.up : null,
      faults: ctx.faults.settings,
      counters: ctx.counters.snapshot(),
      now: ctx.now().toISOString(),
    }));
  }

  async stop(): Promise<void> {
    for (const entry of this.running.values()) {
      await entry.stop?.();
      await entry.server?.close();
    }
    await this.pool?.end();
  }
}
