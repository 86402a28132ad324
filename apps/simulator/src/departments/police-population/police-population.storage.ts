import type { PoolClient } from 'pg';
import { copyRows, inTransaction, legacyForm, piecesEndingWith, type SimContext } from '../../framework';
import { RY_FIELDS, type Ry, type RyField } from './police-population.types';

const columns = RY_FIELDS.map((f) => f.toLowerCase());
const FIELD_NAMES = new Set<string>(RY_FIELDS);
const EMPTY_RY = Object.fromEntries(RY_FIELDS.map((f) => [f, ''])) as Ry;

export async function createTables(ctx: SimContext): Promise<void> {
  await ctx.db.query(`
    CREATE TABLE IF NOT EXISTS ${ctx.schema}.ry (
      rybh text PRIMARY KEY,
      gmsfhm text NOT NULL CONSTRAINT ry_gmsfhm_unique UNIQUE,
      xm text NOT NULL,
      xb text NOT NULL,
      mz text NOT NULL DEFAULT '',
      csrq text NOT NULL,
      hh text NOT NULL DEFAULT '',
      yhzgx text NOT NULL DEFAULT '',
      hjdz text NOT NULL DEFAULT '',
      xzz text NOT NULL DEFAULT '',
      rylb text NOT NULL DEFAULT '1',
      lxdh text NOT NULL DEFAULT '',
      zt text NOT NULL DEFAULT '0',
      -- yyyyMMddHHmmss (Asia/Shanghai): sorts as text, and is the change feed's cursor.
      bgsj text NOT NULL
    )`);
  await ctx.db.query(`CREATE INDEX IF NOT EXISTS ry_bgsj_idx ON ${ctx.schema}.ry (bgsj)`);
}

const unescapeXml = (text: string): string =>
  !text.includes('&')
    ? text
    : text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
        .replace(/&amp;/g, '&');

/** The seed/export file `<RKXX><RY><RYBH>…</RYBH>…</RY>…</RKXX>`: flat elements, so no XML library. */
export function parseSeedXml(xml: string): Ry[] {
  const people: Ry[] = [];
  for (const [, body] of xml.matchAll(/<RY>([\s\S]*?)<\/RY>/g)) {
    const ry = { ...EMPTY_RY };
    for (const [, name, value] of body.matchAll(/<([A-Z]+)>([\s\S]*?)<\/\1>/g)) {
      if (FIELD_NAMES.has(name)) ry[name as RyField] = unescapeXml(value.trim());
    }
    people.push(ry);
  }
  return people;
}

/** Streams the seed in pieces that end at a `</RY>` (a 1M-person file is ~400 MB) into one COPY. */
export async function loadSeed(ctx: SimContext): Promise<void> {
  const file = ctx.seedFile('xml');
  if (!file) return;
  const { rows } = await ctx.db.query(`SELECT count(*)::int AS n FROM ${ctx.schema}.ry`);
  if ((rows[0] as { n: number }).n > 0) return;
  async function* batches(path: string): AsyncGenerator<string[][]> {
    for await (const piece of piecesEndingWith(path, '</RY>'))
      yield parseSeedXml(piece).map((ry) => RY_FIELDS.map((f) => ry[f]));
  }
  await inTransaction(ctx.db, (client) => copyRows(client, `${ctx.schema}.ry`, columns, batches(file)));
}

export function toRy(row: Record<string, unknown>): Ry {
  return Object.fromEntries(RY_FIELDS.map((f) => [f, String(row[f.toLowerCase()] ?? '')])) as Ry;
}

export async function insert(db: Pick<PoolClient, 'query'>, schema: string, ry: Ry): Promise<void> {
  await db.query(
    `INSERT INTO ${schema}.ry (${columns.join(', ')}) VALUES (${columns.map((_c, i) => `$${i + 1}`).join(', ')})`,
    RY_FIELDS.map((f) => ry[f]),
  );
}

export async function update(db: PoolClient, schema: string, ry: Ry): Promise<void> {
  const sets = columns.slice(1).map((c, i) => `${c} = $${i + 2}`);
  await db.query(
    `UPDATE ${schema}.ry SET ${sets.join(', ')} WHERE rybh = $1`,
    RY_FIELDS.map((f) => ry[f]),
  );
}

export async function findByRybh(db: PoolClient, schema: string, rybh: string): Promise<Ry | undefined> {
  const { rows } = await db.query(`SELECT * FROM ${schema}.ry WHERE rybh = $1`, [rybh]);
  return rows[0] ? toRy(rows[0] as Record<string, unknown>) : undefined;
}

/** By ID number; an 18-digit number also finds the person still held under the 15-digit one. */
export async function findByGmsfhm(db: PoolClient, schema: string, gmsfhm: string): Promise<Ry | undefined> {
  const legacy = gmsfhm.length === 18 ? legacyForm(gmsfhm) : gmsfhm;
  const { rows } = await db.query(
    `SELECT * FROM ${schema}.ry WHERE gmsfhm = $1 OR gmsfhm = $2 ORDER BY length(gmsfhm) DESC LIMIT 1`,
    [gmsfhm, legacy],
  );
  return rows[0] ? toRy(rows[0] as Record<string, unknown>) : undefined;
}

/**
 * Runs a write with the person table locked against other writers. Writers are serialised so
 * that BGSJ values are distinct and rise in commit order: a reader of the change feed never sees
 * a later BGSJ before an earlier one has committed.
 */
export async function inWriteLock<T>(ctx: SimContext, work: (db: PoolClient) => Promise<T>): Promise<T> {
  const client = await ctx.db.connect();
  try {
    await client.query('BEGIN');
    await client.query(`LOCK TABLE ${ctx.schema}.ry IN EXCLUSIVE MODE`);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** yyyyMMddHHmmss in Asia/Shanghai (UTC+8 all year). */
export function formatBgsj(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

function bgsjToDate(bgsj: string): Date {
  const iso = `${bgsj.slice(0, 4)}-${bgsj.slice(4, 6)}-${bgsj.slice(6, 8)}T${bgsj.slice(8, 10)}:${bgsj.slice(10, 12)}:${bgsj.slice(12, 14)}+08:00`;
  return new Date(iso);
}

/**
 * The next change time: the department clock, but always at least a second after the last
 * change, because QueryBgxx's cursor has whole seconds and "after" must lose nothing.
 */
export async function nextBgsj(ctx: SimContext, db: PoolClient): Promise<string> {
  const now = formatBgsj(ctx.now());
  const { rows } = await db.query(`SELECT max(bgsj) AS last FROM ${ctx.schema}.ry`);
  const last = (rows[0] as { last: string | null }).last;
  if (!last || now > last) return now;
  return formatBgsj(new Date(bgsjToDate(last).getTime() + 1000));
}

/** RYBH = `R` + 6-digit county code + 8-digit sequence within the system. */
export async function nextRybh(ctx: SimContext, db: PoolClient, county: string): Promise<string> {
  const { rows } = await db.query(
    `SELECT coalesce(max(substr(rybh, 8, 8)::bigint), 0) + 1 AS next FROM ${ctx.schema}.ry WHERE rybh ~ '^R[0-9]{14}$'`,
  );
  return `R${county}${String((rows[0] as { next: string }).next).padStart(8, '0')}`;
}

export async function page(
  ctx: SimContext,
  pageNo: number,
  pageSize: number,
): Promise<{ total: number; rows: Ry[] }> {
  const total = await ctx.db.query(`SELECT count(*)::int AS n FROM ${ctx.schema}.ry`);
  const { rows } = await ctx.db.query(`SELECT * FROM ${ctx.schema}.ry ORDER BY rybh LIMIT $1 OFFSET $2`, [
    pageSize,
    (pageNo - 1) * pageSize,
  ]);
  return {
    total: (total.rows[0] as { n: number }).n,
    rows: rows.map((r) => toRy(r as Record<string, unknown>)),
  };
}

export async function changedSince(ctx: SimContext, since: string): Promise<Ry[]> {
  const { rows } = await ctx.db.query(`SELECT * FROM ${ctx.schema}.ry WHERE bgsj > $1 ORDER BY bgsj, rybh`, [
    since,
  ]);
  return rows.map((r) => toRy(r as Record<string, unknown>));
}

export async function all(ctx: SimContext): Promise<Ry[]> {
  const { rows } = await ctx.db.query(`SELECT * FROM ${ctx.schema}.ry ORDER BY rybh`);
  return rows.map((r) => toRy(r as Record<string, unknown>));
}
