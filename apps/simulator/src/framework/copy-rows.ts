import { pipeline } from 'node:stream/promises';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyField, copyLine } from '@hub/infra';

export { copyField, copyLine };

/**
 * Streams rows into an empty `table` with COPY, a batch of rows at a time (the batches come from
 * a seed reader, so the file is read while the database writes). The table's plain indexes (those
 * no constraint owns) are dropped first and built again from their own definitions afterwards:
 * one sort per index costs a fraction of a million inserts into it. Keys are still checked as
 * rows arrive, by the constraints' indexes. Returns the number of rows copied.
 */
export async function copyRows(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  batches: AsyncIterable<ReadonlyArray<readonly unknown[]>>,
): Promise<number> {
  let count = 0;
  async function* lines(): AsyncGenerator<string> {
    for await (const batch of batches) {
      count += batch.length;
      let text = '';
      for (const row of batch) text += copyLine(row);
      if (text) yield text;
    }
  }
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
     ORDER BY c.relname`,
    [table],
  );
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  await pipeline(lines, client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
  for (const index of indexes) await client.query(index.definition);
  return count;
}

/** Maps each batch of records to rows (a record may give no row). */
export async function* mapBatches<T, R>(
  batches: AsyncIterable<T[]>,
  toRows: (record: T) => R | undefined,
): AsyncGenerator<R[]> {
  for await (const batch of batches) {
    const rows: R[] = [];
    for (const record of batch) {
      const row = toRows(record);
      if (row !== undefined) rows.push(row);
    }
    yield rows;
  }
}

/**
 * Transactions that run one after another, each after the previous one ended (committed or not):
 * for departments that number or time-stamp their writes in order.
 */
export class SerialTransactions {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const result = this.tail.then(() => inTransaction(pool, work));
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** Runs `work` in one transaction on one connection of `pool`. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Loads a seed with `copy`; when the seed repeats a key (COPY stops with a unique violation)
 * loads it again with `upsert`, the system's own row-by-row writes, so a repeated record updates
 * the first as it always did. Repeats are rare in seeds: the fast path is the usual one.
 * `serials` (`[table, column]`) are put back as they were, so row numbers start where they would have.
 */
export async function copyUnlessRepeated(
  client: PoolClient,
  load: {
    copy: () => Promise<unknown>;
    upsert: () => Promise<unknown>;
    serials?: Array<[table: string, column: string]>;
  },
): Promise<void> {
  const serials = await Promise.all(
    (load.serials ?? []).map(async ([table, column]) => {
      const { rows } = await client.query<{ name: string }>('SELECT pg_get_serial_sequence($1, $2) AS name', [
        table,
        column,
      ]);
      const state = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value, is_called FROM ${rows[0].name}`,
      );
      return { name: rows[0].name, ...state.rows[0] };
    }),
  );
  await client.query('SAVEPOINT seed_copy');
  try {
    await load.copy();
    await client.query('RELEASE SAVEPOINT seed_copy');
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    await client.query('ROLLBACK TO SAVEPOINT seed_copy');
    // Sequences ignore the rollback: the numbers COPY drew would otherwise be skipped.
    for (const s of serials)
      await client.query('SELECT setval($1, $2, $3)', [s.name, s.last_value, s.is_called]);
    await load.upsert();
  }
}
