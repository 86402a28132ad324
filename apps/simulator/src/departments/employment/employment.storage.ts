import type { PoolClient } from 'pg';
import {
  copyRows,
  copyUnlessRepeated,
  csvBatches,
  inTransaction,
  mapBatches,
  type SimContext,
} from '../../framework';
import { EXPORT_COLUMNS, type Jyry } from './employment.types';

const COLUMNS = [
  'jyrybh',
  'sfzhm',
  'xm',
  'xb',
  'csrq',
  'whcd',
  'jyzt',
  'lxdh',
  'jtzz',
  'pxyx',
  'zxbz',
  'gxsj',
] as const;

/** The export's CSV: GBK, Chinese header line. */
const SEED_CSV = { encoding: 'gbk', columns: true, skip_empty_lines: true } as const;

/** `yyyy-MM-dd HH:mm:ss` in Asia/Shanghai (UTC+8 all year). */
export function formatGxsj(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

const gxsjToDate = (gxsj: string): Date => new Date(`${gxsj.replace(' ', 'T')}+08:00`);
const addSecond = (gxsj: string): string => formatGxsj(new Date(gxsjToDate(gxsj).getTime() + 1000));

/**
 * Old records hold ID numbers typed with full-width digits or a lower-case x; the key they are
 * matched on is the number as it should have been typed.
 */
export function idKey(sfzhm: string): string {
  return sfzhm
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[xｘＸ]/g, 'X')
    .replace(/\s/g, '');
}

const toJyry = (row: Record<string, unknown>): Jyry =>
  Object.fromEntries(COLUMNS.map((c) => [c, String(row[c] ?? '')])) as unknown as Jyry;

/** The department's tables, and the clock rule of its change feed. */
export class EmploymentStore {
  /**
   * The latest second an export has been served for. A change is stamped after it, so that a
   * caller who asks `?since=<time of its last export>` gets every later change exactly once.
   */
  private servedUpTo = '';

  constructor(private readonly ctx: SimContext) {}

  private get table(): string {
    return `${this.ctx.schema}.jyry`;
  }

  async init(): Promise<void> {
    await this.ctx.db.query(`
      CREATE TABLE IF NOT EXISTS ${this.table} (
        jyrybh text PRIMARY KEY,
        sfzhm text NOT NULL,
        sfzhm_key text NOT NULL,
        xm text NOT NULL,
        xb text NOT NULL,
        csrq text NOT NULL,
        whcd text NOT NULL DEFAULT '',
        jyzt text NOT NULL,
        lxdh text NOT NULL DEFAULT '',
        jtzz text NOT NULL DEFAULT '',
        pxyx text NOT NULL DEFAULT '0',
        zxbz text NOT NULL DEFAULT '0',
        gxsj text NOT NULL
      )`);
    await this.ctx.db.query(`CREATE INDEX IF NOT EXISTS jyry_sfzhm_key_idx ON ${this.table} (sfzhm_key)`);
    await this.ctx.db.query(`CREATE INDEX IF NOT EXISTS jyry_gxsj_idx ON ${this.table} (gxsj)`);
    await this.loadSeed();
  }

  private async loadSeed(): Promise<void> {
    const file = this.ctx.seedFile('csv');
    if (!file) return;
    const { rows } = await this.ctx.db.query(`SELECT count(*)::int AS n FROM ${this.table}`);
    if ((rows[0] as { n: number }).n > 0) return;
    const gxsj = formatGxsj(this.ctx.now());
    const people = (): AsyncGenerator<Jyry[]> =>
      mapBatches(csvBatches<Record<string, string>>(file, SEED_CSV), (line) => {
        const person = { pxyx: '0', zxbz: '0', gxsj } as Jyry;
        for (const [title, field] of EXPORT_COLUMNS) person[field] = line[title] ?? '';
        return person;
      });
    const lines = async function* (): AsyncGenerator<unknown[][]> {
      for await (const batch of people())
        yield batch.map((person) => [...COLUMNS.map((c) => person[c]), idKey(person.sfzhm)]);
    };
    await inTransaction(this.ctx.db, (client) =>
      copyUnlessRepeated(client, {
        copy: () => copyRows(client, this.table, [...COLUMNS, 'sfzhm_key'], lines()),
        // A number repeated in the seed: the later line updates the earlier, as the export would.
        upsert: async () => {
          for await (const batch of people()) for (const person of batch) await this.write(client, person);
        },
      }),
    );
  }

  /** Serialises writers so that change times are distinct and rise in commit order. */
  async inWriteLock<T>(work: (db: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.ctx.db.connect();
    try {
      await client.query('BEGIN');
      await client.query(`LOCK TABLE ${this.table} IN EXCLUSIVE MODE`);
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

  async nextGxsj(db: PoolClient): Promise<string> {
    const { rows } = await db.query(`SELECT max(gxsj) AS last FROM ${this.table}`);
    const floors = [(rows[0] as { last: string | null }).last ?? '', this.servedUpTo].filter(Boolean);
    const now = formatGxsj(this.ctx.now());
    const floor = floors.sort().at(-1);
    return floor && now <= floor ? addSecond(floor) : now;
  }

  /** Own ids: 320400 (the city) + a 10-digit sequence. */
  async nextJyrybh(db: PoolClient): Promise<string> {
    const { rows } = await db.query(
      `SELECT coalesce(max(substr(jyrybh, 7)::bigint), 0) + 1 AS next FROM ${this.table} WHERE jyrybh ~ '^320400[0-9]{10}$'`,
    );
    return `320400${String((rows[0] as { next: string }).next).padStart(10, '0')}`;
  }

  async write(db: Pick<PoolClient, 'query'>, person: Jyry): Promise<void> {
    const values = COLUMNS.map((c) => person[c]);
    await db.query(
      `INSERT INTO ${this.table} (${COLUMNS.join(', ')}, sfzhm_key)
       VALUES (${COLUMNS.map((_c, i) => `$${i + 1}`).join(', ')}, $${COLUMNS.length + 1})
       ON CONFLICT (jyrybh) DO UPDATE SET ${COLUMNS.slice(1)
         .map((c) => `${c} = excluded.${c}`)
         .join(', ')}, sfzhm_key = excluded.sfzhm_key`,
      [...values, idKey(person.sfzhm)],
    );
  }

  async byJyrybh(db: PoolClient, jyrybh: string): Promise<Jyry | undefined> {
    const { rows } = await db.query(`SELECT * FROM ${this.table} WHERE jyrybh = $1`, [jyrybh]);
    return rows[0] ? toJyry(rows[0] as Record<string, unknown>) : undefined;
  }

  async bySfzhm(db: PoolClient, sfzhm: string): Promise<Jyry | undefined> {
    const { rows } = await db.query(
      `SELECT * FROM ${this.table} WHERE sfzhm_key = $1 ORDER BY zxbz, jyrybh LIMIT 1`,
      [idKey(sfzhm)],
    );
    return rows[0] ? toJyry(rows[0] as Record<string, unknown>) : undefined;
  }

  /**
   * The export (registered people, ended ones left out), whole or changed after `since`; `at` is
   * the department time the answer stands for (the reply's Date).
   */
  async exportRows(since: string | undefined): Promise<{ rows: Jyry[]; at: Date }> {
    const client = await this.ctx.db.connect();
    try {
      await client.query('BEGIN');
      // Waits for writers in flight, so that everything stamped up to `at` is in this answer.
      await client.query(`LOCK TABLE ${this.table} IN SHARE MODE`);
      const { rows } = since
        ? await client.query(
            `SELECT * FROM ${this.table} WHERE zxbz = '0' AND gxsj > $1 ORDER BY gxsj, jyrybh`,
            [since],
          )
        : await client.query(`SELECT * FROM ${this.table} WHERE zxbz = '0' ORDER BY jyrybh`);
      // Stamps may run ahead of the clock (a burst within one second): the answer stands for
      // the later of the two, so that the next `since` lies past everything it held.
      const latest = await client.query(`SELECT max(gxsj) AS last FROM ${this.table}`);
      const stamped = (latest.rows[0] as { last: string | null }).last ?? '';
      const now = formatGxsj(this.ctx.now());
      const second = stamped > now ? stamped : now;
      if (second > this.servedUpTo) this.servedUpTo = second;
      await client.query('COMMIT');
      return { rows: rows.map((r) => toJyry(r as Record<string, unknown>)), at: gxsjToDate(second) };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async all(): Promise<Jyry[]> {
    const { rows } = await this.ctx.db.query(`SELECT * FROM ${this.table} ORDER BY jyrybh`);
    return rows.map((r) => toJyry(r as Record<string, unknown>));
  }
}
