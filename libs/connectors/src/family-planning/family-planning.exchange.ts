import { Pool, type QueryResultRow } from 'pg';
import { asDatabaseError, isLostConnection } from './family-planning.codes';
import type { InboundOutcome, InboundRow, MasterRow } from './family-planning.types';

/** Every value as the text PostgreSQL sends: dates stay `yyyy-MM-dd`, never shifted by a time zone. */
const RAW_TEXT = { getTypeParser: () => (value: string) => value };

const MASTER_COLUMNS = 'rkbh, xm, sfzh, xb, csrq, hyzk, pobsfzh, znsl, hh, gxsj';

type RawMasterRow = Record<keyof MasterRow, string | null>;

const toMasterRow = (raw: RawMasterRow): MasterRow => ({
  rkbh: String(raw.rkbh),
  xm: raw.xm ?? '',
  sfzh: raw.sfzh,
  xb: raw.xb ?? '',
  csrq: (raw.csrq ?? '').slice(0, 10),
  hyzk: raw.hyzk ?? '',
  pobsfzh: raw.pobsfzh,
  znsl: Number(raw.znsl ?? 0),
  hh: raw.hh,
  gxsj: raw.gxsj ?? '',
});

/**
 * The department's exchange tables: `t_rk_in` (we insert, it processes) and `t_rk_jbxx` (its
 * master table, read only). SQL lives here and nowhere else.
 */
export class ExchangeTables {
  constructor(private readonly pool: Pool) {}

  /**
   * A repeated `ywlsh` is ignored (the department's unique serial): the first row stays the one
   * whose outcome counts, so a retried push reads the original outcome instead of doubling it.
   */
  async insertInbound(row: InboundRow): Promise<void> {
    await this.query(
      `INSERT INTO t_rk_in (rkbh, czlx, xm, sfzh, xb, csrq, hyzk, pobsfzh, znsl, hh, ywlsh, clzt)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, '0')
       ON CONFLICT DO NOTHING`,
      [
        row.rkbh,
        row.czlx,
        row.xm,
        row.sfzh,
        row.xb,
        row.csrq,
        row.hyzk,
        row.pobsfzh,
        row.znsl,
        row.hh,
        row.ywlsh,
      ],
    );
  }

  async outcome(ywlsh: string): Promise<InboundOutcome | undefined> {
    const rows = await this.query<InboundOutcome>(
      `SELECT clzt, clxx, rkbh FROM t_rk_in WHERE ywlsh = $1 ORDER BY id LIMIT 1`,
      [ywlsh],
    );
    return rows[0];
  }

  /** The outcomes of many rows at once (the first row of each serial, as `outcome` reads it). */
  async outcomes(serials: string[]): Promise<Map<string, InboundOutcome>> {
    const rows = await this.query<InboundOutcome & { ywlsh: string }>(
      `SELECT DISTINCT ON (ywlsh) ywlsh, clzt, clxx, rkbh FROM t_rk_in WHERE ywlsh = ANY($1) ORDER BY ywlsh, id`,
      [serials],
    );
    return new Map(rows.map(({ ywlsh, ...outcome }) => [ywlsh, outcome]));
  }

  /** The department's id for a citizen ID, if it already keeps the person. */
  async findRkbh(sfzh: string): Promise<string | undefined> {
    const rows = await this.query<{ rkbh: string }>(`SELECT rkbh FROM t_rk_jbxx WHERE sfzh = $1 LIMIT 1`, [
      sfzh,
    ]);
    return rows[0]?.rkbh;
  }

  /** One page of the master table in `rkbh` order, after the given `rkbh`. */
  async masterPage(after: string | null, limit: number): Promise<MasterRow[]> {
    const rows =
      after === null
        ? await this.query<RawMasterRow>(
            `SELECT ${MASTER_COLUMNS} FROM t_rk_jbxx ORDER BY rkbh::text LIMIT $1`,
            [limit],
          )
        : await this.query<RawMasterRow>(
            `SELECT ${MASTER_COLUMNS} FROM t_rk_jbxx WHERE rkbh::text > $1 ORDER BY rkbh::text LIMIT $2`,
            [after, limit],
          );
    return rows.map(toMasterRow);
  }

  /** Rows changed after (`gxsj`, `rkbh`), oldest first: ties on `gxsj` are never skipped between pages. */
  async changedAfter(after: { gxsj: string; rkbh: string } | null, limit: number): Promise<MasterRow[]> {
    const rows =
      after === null
        ? await this.query<RawMasterRow>(
            `SELECT ${MASTER_COLUMNS} FROM t_rk_jbxx ORDER BY gxsj, rkbh::text LIMIT $1`,
            [limit],
          )
        : await this.query<RawMasterRow>(
            `SELECT ${MASTER_COLUMNS} FROM t_rk_jbxx
             WHERE gxsj > $1 OR (gxsj = $1 AND rkbh::text > $2)
             ORDER BY gxsj, rkbh::text LIMIT $3`,
            [after.gxsj, after.rkbh, limit],
          );
    return rows.map(toMasterRow);
  }

  /**
   * One statement; a connection the department's side dropped (restart, idle kill) is replaced
   * once at once — the database equivalent of re-establishing a session — before it counts as a
   * failure.
   */
  private async query<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
    try {
      return (await this.pool.query<T>({ text, values, types: RAW_TEXT })).rows;
    } catch (error) {
      if (!isLostConnection(error)) throw asDatabaseError(error);
      try {
        return (await this.pool.query<T>({ text, values, types: RAW_TEXT })).rows;
      } catch (retryError) {
        throw asDatabaseError(retryError);
      }
    }
  }
}
