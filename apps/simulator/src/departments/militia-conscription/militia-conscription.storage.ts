import type { PoolClient } from 'pg';
import { copyRows, copyUnlessRepeated, inTransaction, mapBatches, type SimContext } from '../../framework';
import { rosterBatches, type RosterBatch } from './militia-conscription.roster-stream';
import { checkRow } from './militia-conscription.validation';
import type { RosterEntry } from './militia-conscription.types';

const COLUMNS = `xm AS "姓名", sfzh AS "公民身份号码", csny AS "出生年月", whcd AS "文化程度", zzmm AS "政治面貌",
  lxdh AS "联系电话", hjd AS "户籍地", xjzd AS "现居住地", djlx AS "登记类型", sq AS "社区"`;

export async function createTables(ctx: SimContext): Promise<void> {
  await ctx.db.query(`
    CREATE TABLE IF NOT EXISTS ${ctx.schema}.roster (
      xh   bigserial NOT NULL,
      sfzh varchar(18) CONSTRAINT roster_pk PRIMARY KEY,
      xm   varchar(50) NOT NULL,
      csny varchar(7) NOT NULL,
      whcd varchar(20) NOT NULL,
      zzmm varchar(20) NOT NULL,
      lxdh varchar(20) NOT NULL DEFAULT '',
      hjd  varchar(200) NOT NULL DEFAULT '',
      xjzd varchar(200) NOT NULL DEFAULT '',
      djlx varchar(10) NOT NULL,
      sq   varchar(100) NOT NULL,
      gxsj timestamptz NOT NULL
    )`);
}

/** The seed's men in batches: each row checked as an upload would be, ended registrations left out. */
async function* seedEntries(file: string): AsyncGenerator<RosterEntry[]> {
  const batches = rosterBatches(file);
  for (;;) {
    let next: IteratorResult<RosterBatch>;
    try {
      next = await batches.next();
    } catch (error) {
      throw new Error(`militia-conscription seed: ${(error as Error).message}`);
    }
    if (next.done) return;
    const { community, rows } = next.value;
    const entries: RosterEntry[] = [];
    for (const row of rows) {
      const year = Number(row.cells['出生年月'].slice(0, 4)) + 18;
      const checked = checkRow(row, year);
      if (!checked.ok) throw new Error(`militia-conscription seed row ${row.row}: ${checked.reason}`);
      if (checked.entry.登记类型 !== '注销登记') entries.push({ ...checked.entry, 社区: community });
    }
    yield entries;
  }
}

/** The seed is a roster in the export template; its men are on file already (no age re-check). */
export async function loadSeedIfEmpty(ctx: SimContext): Promise<void> {
  const file = ctx.seedFile('xlsx');
  const { rows } = await ctx.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${ctx.schema}.roster`);
  if (!file || Number(rows[0].n) > 0) return;
  const table = `${ctx.schema}.roster`;
  await inTransaction(ctx.db, (client) =>
    copyUnlessRepeated(client, {
      copy: () =>
        copyRows(
          client,
          table,
          ['sfzh', 'xm', 'csny', 'whcd', 'zzmm', 'lxdh', 'hjd', 'xjzd', 'djlx', 'sq', 'gxsj'],
          mapBatches(seedEntries(file), (e) => [...entryValues(e), ctx.now()]),
        ),
      // A man on the roster twice: the later row updates the earlier and keeps its place.
      upsert: async () => {
        for await (const batch of seedEntries(file)) for (const e of batch) await upsert(ctx, client, e);
      },
      serials: [[table, 'xh']],
    }),
  );
}

const entryValues = (e: RosterEntry): string[] => [
  e.公民身份号码,
  e.姓名,
  e.出生年月,
  e.文化程度,
  e.政治面貌,
  e.联系电话,
  e.户籍地,
  e.现居住地,
  e.登记类型,
  e.社区,
];

export async function findEntry(
  ctx: SimContext,
  client: PoolClient,
  id: string,
): Promise<RosterEntry | undefined> {
  const { rows } = await client.query<RosterEntry>(
    `SELECT ${COLUMNS} FROM ${ctx.schema}.roster WHERE sfzh = $1`,
    [id],
  );
  return rows[0];
}

/** Keyed by the ID number: a change keeps the man's place (序号 order) on the roster. */
export async function upsert(ctx: SimContext, client: PoolClient, e: RosterEntry): Promise<void> {
  await client.query(
    `INSERT INTO ${ctx.schema}.roster (sfzh, xm, csny, whcd, zzmm, lxdh, hjd, xjzd, djlx, sq, gxsj)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (sfzh) DO UPDATE SET xm = $2, csny = $3, whcd = $4, zzmm = $5, lxdh = $6, hjd = $7, xjzd = $8,
       djlx = $9, sq = $10, gxsj = $11`,
    [...entryValues(e), ctx.now()],
  );
}

export async function remove(ctx: SimContext, client: PoolClient, id: string): Promise<void> {
  await client.query(`DELETE FROM ${ctx.schema}.roster WHERE sfzh = $1`, [id]);
}

/**
 * The roster in registration order; with a year, only the men aged 18-22 on 31 December of it;
 * with a community, only those registered through it.
 */
export async function listEntries(
  ctx: SimContext,
  filter: { year?: number; community?: string } = {},
): Promise<RosterEntry[]> {
  const { rows } = await ctx.db.query<RosterEntry>(
    `SELECT ${COLUMNS} FROM ${ctx.schema}.roster
     WHERE ($1::int IS NULL OR $1::int - left(csny, 4)::int BETWEEN 18 AND 22)
       AND ($2::text IS NULL OR sq = $2)
     ORDER BY xh`,
    [filter.year ?? null, filter.community ?? null],
  );
  return rows;
}
