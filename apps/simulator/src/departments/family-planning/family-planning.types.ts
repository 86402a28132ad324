/** A row of the master table `t_rk_jbxx`, as the department exports it (dates as text). */
export interface PersonRow {
  rkbh: string;
  xm: string;
  sfzh: string;
  xb: string;
  /** `yyyy-MM-dd` */
  csrq: string;
  hyzk: string | null;
  pobsfzh: string | null;
  znsl: number | null;
  hh: string | null;
  /** `yyyy-MM-dd HH:mm:ss`, department local time (Asia/Shanghai) */
  gxsj: string;
}

/** A row of the inbound exchange table `t_rk_in` as the hub wrote it. */
export interface InboundRow {
  id: string;
  rkbh: string | null;
  czlx: string | null;
  xm: string | null;
  sfzh: string | null;
  xb: string | null;
  csrq: string | null;
  hyzk: string | null;
  pobsfzh: string | null;
  znsl: number | null;
  hh: string | null;
  ywlsh: string;
}

/** The person fields an I or U row carries (everything but the ids and the change time). */
export type PersonFields = Omit<PersonRow, 'rkbh' | 'gxsj'>;

export const CLZT = { pending: 0, done: 1, rejected: 9 } as const;

/** The login the department issues to the hub. */
export const HUB_ROLE = 'fp_hub';
export const HUB_PASSWORD = 'hub-fp-secret';

/** Own ids: `RK` + the city's division code (the system is city-wide) + a 10-digit sequence. */
export const RKBH_PREFIX = 'RK320400';

/** GB/T 2261.2 */
export const MARITAL_CODES = new Set(['10', '20', '21', '22', '23', '30', '40', '90']);
