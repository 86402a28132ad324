/**
 * The department's exchange database (前置库), in its own column names. Dates travel as text:
 * `csrq` `yyyy-MM-dd`, `gxsj` `yyyy-MM-dd HH:mm:ss` (Beijing time).
 */

/** The person fields the spec lists for this system; nothing else is ever written. */
export interface FamilyPlanningPerson {
  xm: string;
  sfzh: string | null;
  /** GB/T 2261.1. */
  xb: string;
  csrq: string;
  /** GB/T 2261.2. */
  hyzk: string;
  pobsfzh: string | null;
  znsl: number;
  hh: string | null;
}

/** `czlx`: insert a new person, update a known one, or delete (end) one. */
export type Operation = 'I' | 'U' | 'D';

/** What the hub inserts into `t_rk_in`; `id`, `clzt`, `clxx` and `rksj` are the department's. */
export interface InboundRow extends FamilyPlanningPerson {
  rkbh: string | null;
  czlx: Operation;
  ywlsh: string;
}

/** The outcome columns of a `t_rk_in` row, as the department fills them in. */
export interface InboundOutcome {
  clzt: string | null;
  clxx: string | null;
  rkbh: string | null;
}

/** A row of the master table `t_rk_jbxx`. */
export interface MasterRow extends FamilyPlanningPerson {
  rkbh: string;
  gxsj: string;
}

export interface FamilyPlanningOptions {
  /** The login the department issues, e.g. `postgres://fp_hub:…@host/db`. */
  connectionString: string;
  /** Connect and statement time-out. */
  timeoutMs?: number;
  /** How often a pending `t_rk_in` row is read back. */
  pollIntervalMs?: number;
  /** How long a push waits for the department to process its row before giving up (temporary). */
  maxWaitMs?: number;
  /** Rows per query when exporting or reading changes. */
  pageSize?: number;
}
