import { Pool, type PoolClient } from 'pg';
import { ensureDatabase } from '@hub/infra';
import { copyRows, csvBatches, mapBatches, SerialTransactions, type SimContext } from '../../framework';
import {
  HUB_PASSWORD,
  HUB_ROLE,
  RKBH_PREFIX,
  type PersonFields,
  type PersonRow,
} from './family-planning.types';

const DDL = `
CREATE TABLE IF NOT EXISTS t_rk_jbxx (
  rkbh    varchar(18) CONSTRAINT t_rk_jbxx_pk PRIMARY KEY,
  xm      varchar(50) NOT NULL,
  sfzh    varchar(18) NOT NULL CONSTRAINT t_rk_jbxx_sfzh_uk UNIQUE,
  xb      varchar(1)  NOT NULL,
  csrq    date        NOT NULL,
  hyzk    varchar(2),
  pobsfzh varchar(32),
  znsl    integer,
  hh      varchar(20),
  gxsj    timestamp(3) NOT NULL
);
CREATE INDEX IF NOT EXISTS t_rk_jbxx_gxsj_idx ON t_rk_jbxx (gxsj);
CREATE SEQUENCE IF NOT EXISTS t_rk_jbxx_rkbh_seq;

-- Inbound columns are lenient on purpose: a bad value must reach the department's processing
-- (and come back as clzt 9 with a message), not fail the hub's INSERT.
CREATE TABLE IF NOT EXISTS t_rk_in (
  id      bigserial CONSTRAINT t_rk_in_pk PRIMARY KEY,
  rkbh    varchar(32),
  czlx    varchar(1),
  xm      varchar(100),
  sfzh    varchar(32),
  xb      varchar(2),
  csrq    date,
  hyzk    varchar(4),
  pobsfzh varchar(32),
  znsl    integer,
  hh      varchar(32),
  ywlsh   varchar(64) NOT NULL CONSTRAINT t_rk_in_ywlsh_uk UNIQUE,
  clzt    smallint NOT NULL DEFAULT 0,
  clxx    varchar(200),
  rksj    timestamp(3) NOT NULL DEFAULT (now() AT TIME ZONE 'Asia/Shanghai')
);
CREATE INDEX IF NOT EXISTS t_rk_in_clzt_idx ON t_rk_in (clzt, id);

-- Repeated business serials: the insert is silently dropped (as the real 前置库 does) and logged
-- here so the department can count what it refused. Not visible to the hub's login.
CREATE TABLE IF NOT EXISTS t_rk_in_cf (
  id    bigserial CONSTRAINT t_rk_in_cf_pk PRIMARY KEY,
  ywlsh varchar(64) NOT NULL,
  rksj  timestamp(3) NOT NULL DEFAULT (now() AT TIME ZONE 'Asia/Shanghai'),
  tjbz  boolean NOT NULL DEFAULT false
);
CREATE OR REPLACE FUNCTION t_rk_in_ignore_repeat() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM t_rk_in WHERE ywlsh = NEW.ywlsh) THEN
    INSERT INTO t_rk_in_cf (ywlsh) VALUES (NEW.ywlsh);
    RETURN NULL;
  END IF;
  RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER t_rk_in_ignore_repeat BEFORE INSERT ON t_rk_in
  FOR EACH ROW EXECUTE FUNCTION t_rk_in_ignore_repeat();
`;

const PERSON_COLUMNS = `rkbh, xm, sfzh, xb, to_char(csrq, 'YYYY-MM-DD') AS csrq, hyzk, pobsfzh, znsl, hh,
  to_char(gxsj, 'YYYY-MM-DD HH24:MI:SS') AS gxsj`;

/** `yyyy-MM-dd HH:mm:ss.SSS` wall time in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').replace('Z', '');
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * The department's front database: a PostgreSQL database of its own (`<simulator db>_fp`) with the
 * exchange tables, and the `fp_hub` login it issues to the hub.
 */
export class FrontDatabase {
  private readonly writes = new SerialTransactions();

  private constructor(
    readonly pool: Pool,
    readonly name: string,
    private readonly ctx: SimContext,
  ) {}

  static async open(ctx: SimContext): Promise<FrontDatabase> {
    const url = new URL(ctx.config.SIM_DATABASE_URL);
    const name = `${decodeURIComponent(url.pathname.replace(/^\//, ''))}_fp`;
    url.pathname = `/${encodeURIComponent(name)}`;
    await ensureDatabase(url.toString());
    const front = new FrontDatabase(new Pool({ connectionString: url.toString(), max: 4 }), name, ctx);
    await front.ensureHubRole();
    await front.pool.query(DDL);
    await front.grantHub();
    return front;
  }

  /**
   * The role is cluster-wide and several simulators may start at once on one PostgreSQL: whoever
   * loses the race gets duplicate_object (or a unique violation on pg_authid) and that is fine.
   */
  private async ensureHubRole(): Promise<void> {
    const exists = await this.ctx.db.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [HUB_ROLE]);
    if (exists.rowCount) return;
    await this.ctx.db
      .query(`CREATE ROLE ${HUB_ROLE} LOGIN PASSWORD '${HUB_PASSWORD}'`)
      .catch((error: { code?: string }) => {
        if (error.code !== '42710' && error.code !== '23505') throw error;
      });
  }

  /** Only what the exchange needs: write and read the inbound table, read the master table. */
  private async grantHub(): Promise<void> {
    await this.pool.query(`
      REVOKE ALL ON DATABASE ${quoteIdent(this.name)} FROM PUBLIC;
      GRANT CONNECT ON DATABASE ${quoteIdent(this.name)} TO ${HUB_ROLE};
      GRANT SELECT, INSERT ON t_rk_in TO ${HUB_ROLE};
      GRANT USAGE ON SEQUENCE t_rk_in_id_seq TO ${HUB_ROLE};
      GRANT SELECT ON t_rk_jbxx TO ${HUB_ROLE};`);
  }

  /**
   * "Down" for an exchange database: the hub's login may no longer connect to this database and
   * its open sessions are ended. Per database (not ALTER ROLE … NOLOGIN), so other simulators on
   * the same PostgreSQL keep their front databases up.
   */
  async setHubAccess(allowed: boolean): Promise<void> {
    const db = quoteIdent(this.name);
    if (allowed) {
      await this.ctx.db.query(`GRANT CONNECT ON DATABASE ${db} TO ${HUB_ROLE}`);
      return;
    }
    await this.ctx.db.query(`REVOKE CONNECT ON DATABASE ${db} FROM ${HUB_ROLE}`);
    await this.ctx.db.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = $2',
      [this.name, HUB_ROLE],
    );
  }

  async loadSeedIfEmpty(): Promise<void> {
    const file = this.ctx.seedFile('csv');
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM t_rk_jbxx');
    if (!file || Number(rows[0].n) > 0) return;
    const orNull = (value: string | undefined): string | null => (value ? value : null);
    const people = mapBatches(
      csvBatches<Record<string, string>>(file, { columns: true, skip_empty_lines: true, trim: true }),
      (r) => [
        r.rkbh,
        r.xm,
        r.sfzh,
        r.xb,
        r.csrq,
        orNull(r.hyzk),
        orNull(r.pobsfzh),
        orNull(r.znsl),
        orNull(r.hh),
        r.gxsj,
      ],
    );
    await this.exclusive(async (client) => {
      await copyRows(
        client,
        't_rk_jbxx',
        ['rkbh', 'xm', 'sfzh', 'xb', 'csrq', 'hyzk', 'pobsfzh', 'znsl', 'hh', 'gxsj'],
        people,
      );
      // New numbers continue after the highest one the seed holds.
      await client.query(
        `SELECT setval('t_rk_jbxx_rkbh_seq', GREATEST(1, (SELECT max(right(rkbh, 10)::bigint)
           FROM t_rk_jbxx WHERE rkbh ~ '^RK[0-9]{16}$')))`,
      );
    });
  }

  /**
   * One writer at a time, in a transaction: change times come from the department clock but never
   * go backwards, so a reader's "gxsj after my last one" neither repeats nor skips a change.
   */
  exclusive<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.writes.run(this.pool, work);
  }

  private async nextChangeTime(client: PoolClient): Promise<string> {
    const { rows } = await client.query<{ t: string }>(
      `SELECT to_char(GREATEST($1::timestamp(3), (SELECT max(gxsj) + interval '1 millisecond' FROM t_rk_jbxx)),
         'YYYY-MM-DD HH24:MI:SS.MS') AS t`,
      [shanghaiTime(this.ctx.now())],
    );
    return rows[0].t;
  }

  async findByRkbh(client: PoolClient, rkbh: string): Promise<PersonRow | undefined> {
    const { rows } = await client.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM t_rk_jbxx WHERE rkbh = $1`,
      [rkbh],
    );
    return rows[0];
  }

  async findBySfzh(client: PoolClient, sfzh: string): Promise<PersonRow | undefined> {
    const { rows } = await client.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM t_rk_jbxx WHERE sfzh = $1`,
      [sfzh],
    );
    return rows[0];
  }

  async insertPerson(client: PoolClient, person: PersonFields): Promise<string> {
    const { rows } = await client.query<{ n: string }>(`SELECT nextval('t_rk_jbxx_rkbh_seq') AS n`);
    const rkbh = `${RKBH_PREFIX}${rows[0].n.padStart(10, '0')}`;
    await client.query(
      `INSERT INTO t_rk_jbxx (rkbh, xm, sfzh, xb, csrq, hyzk, pobsfzh, znsl, hh, gxsj)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [rkbh, ...personValues(person), await this.nextChangeTime(client)],
    );
    return rkbh;
  }

  async updatePerson(client: PoolClient, rkbh: string, person: PersonFields): Promise<void> {
    await client.query(
      `UPDATE t_rk_jbxx SET xm = $2, sfzh = $3, xb = $4, csrq = $5, hyzk = $6, pobsfzh = $7, znsl = $8, hh = $9,
         gxsj = $10 WHERE rkbh = $1`,
      [rkbh, ...personValues(person), await this.nextChangeTime(client)],
    );
  }

  async deletePerson(client: PoolClient, rkbh: string): Promise<void> {
    await client.query('DELETE FROM t_rk_jbxx WHERE rkbh = $1', [rkbh]);
  }

  async allPersons(): Promise<PersonRow[]> {
    const { rows } = await this.pool.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM t_rk_jbxx ORDER BY rkbh`,
    );
    return rows;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

const personValues = (p: PersonFields): unknown[] => [
  p.xm,
  p.sfzh,
  p.xb,
  p.csrq,
  p.hyzk,
  p.pobsfzh,
  p.znsl,
  p.hh,
];
