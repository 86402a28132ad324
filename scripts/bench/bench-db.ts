import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { createDataSource, prepareDatabase } from '@hub/database';
import { seedGeography } from '@hub/database/seed';

// A script, not the app: it may read its own env var; the API still gets its settings through HubConfig.
const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const BENCH_USER = { username: 'bench-worker', password: 'Bench@2026pass', community: '320402002001' };
/** An IT operator, for the operators' pages (city-wide, no community). */
export const BENCH_OPERATOR = { username: 'bench-operator', password: 'Bench@2026pass' };

export interface BenchDatabase {
  name: string;
  url: string;
  serverVersion: string;
  drop(): Promise<void>;
}

export const urlFor = (name: string): string => {
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

async function onAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: urlFor('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops every database whose name starts with `prefix` (a simulator keeps a second one, `<name>_fp`). */
export async function dropDatabasesLike(prefix: string): Promise<string[]> {
  if (!/^hub_bench_\w+$/.test(prefix)) throw new Error(`refusing to drop databases named ${prefix}*`);
  return onAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [prefix],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    return rows.map((r) => r.datname);
  });
}

/** A throwaway database with the real migrations, the city's geography and one community worker. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `hub_bench_${randomBytes(4).toString('hex')}`;
  const url = urlFor(name);
  await prepareDatabase(url);
  const db = createDataSource(url, 2);
  await db.initialize();
  try {
    await seedGeography(db, 6);
    await db.query(
      `INSERT INTO app_user (username, display_name, password_hash, role, community_code)
       VALUES ($1, $1, $2, 'community_worker', $3)`,
      [BENCH_USER.username, await argon2.hash(BENCH_USER.password), BENCH_USER.community],
    );
    await db.query(
      `INSERT INTO app_user (username, display_name, password_hash, role) VALUES ($1, $1, $2, 'it_operator')`,
      [BENCH_OPERATOR.username, await argon2.hash(BENCH_OPERATOR.password)],
    );
    const [{ server_version: serverVersion }]: Array<{ server_version: string }> =
      await db.query('SHOW server_version');
    return {
      name,
      url,
      serverVersion,
      drop: () =>
        onAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
          () => undefined,
        ),
    };
  } finally {
    await db.destroy();
  }
}

const COUNTED = [
  'household',
  'resident',
  'household_member',
  'address',
  'outbox_event',
  'resident_version',
  'audit_log',
] as const;
export type RowCounts = Record<(typeof COUNTED)[number], number>;

/** Rows actually stored: the sanity check that every 201 (or baseline commit) left its rows. */
export async function countRows(url: string): Promise<RowCounts> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const sql = COUNTED.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ');
    const { rows } = await client.query<RowCounts>(`SELECT ${sql}`);
    return rows[0];
  } finally {
    await client.end();
  }
}
