import type { PoolClient } from 'pg';
import { copyRows, copyUnlessRepeated, inTransaction, mapBatches, type SimContext } from '../../framework';
import { gbkCsvRowBatches } from './social-insurance.csv';
import { ROSTER_COLUMNS, type Insured } from './social-insurance.types';

/** Roster columns as stored (pinyin initials of the Chinese names). */
const COLUMNS: Record<(typeof ROSTER_COLUMNS)[number], string> = {
  个人编号: 'grbh',
  公民身份号码: 'gmsfhm',
  姓名: 'xm',
  性别: 'xb',
  出生日期: 'csrq',
  户籍性质: 'hjxz',
  参保状态: 'cbzt',
  联系电话: 'lxdh',
  户籍地址: 'hjdz',
};

export interface Batch {
  batchNo: string;
  file: Buffer;
}

const toInsured = (row: Record<string, unknown>): Insured =>
  Object.fromEntries(ROSTER_COLUMNS.map((c) => [c, String(row[COLUMNS[c]] ?? '')])) as Insured;

/** The roster, the uploaded batches and the list of people insured in another region. */
export class InsuranceStore {
  constructor(readonly ctx: SimContext) {}

  private t(name: string): string {
    return `${this.ctx.schema}.${name}`;
  }

  async init(): Promise<void> {
    await this.ctx.db.query(`
      CREATE TABLE IF NOT EXISTS ${this.t('cbry')} (
        grbh text PRIMARY KEY,
        gmsfhm text NOT NULL CONSTRAINT cbry_gmsfhm_unique UNIQUE,
        xm text NOT NULL, xb text NOT NULL, csrq text NOT NULL, hjxz text NOT NULL DEFAULT '',
        cbzt text NOT NULL, lxdh text NOT NULL DEFAULT '', hjdz text NOT NULL DEFAULT '',
        gxsj timestamptz NOT NULL DEFAULT now()
      )`);
    await this.ctx.db.query(`
      CREATE TABLE IF NOT EXISTS ${this.t('batch')} (
        batch_no text PRIMARY KEY,
        uploaded_at timestamptz NOT NULL,
        -- real time, not the department clock: processing takes seconds whatever the clock says
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        file bytea NOT NULL,
        result bytea
      )`);
    await this.ctx.db.query(`CREATE SEQUENCE IF NOT EXISTS ${this.t('batch_seq')}`);
    await this.ctx.db.query(
      `CREATE TABLE IF NOT EXISTS ${this.t('insured_elsewhere')} (gmsfhm text PRIMARY KEY)`,
    );
    await this.loadSeed();
  }

  private async loadSeed(): Promise<void> {
    const file = this.ctx.seedFile('csv');
    if (!file) return;
    const { rows } = await this.ctx.db.query(`SELECT count(*)::int AS n FROM ${this.t('cbry')}`);
    if ((rows[0] as { n: number }).n > 0) return;
    const cols = ROSTER_COLUMNS.map((c) => COLUMNS[c]);
    const roster = (): AsyncGenerator<unknown[][]> =>
      mapBatches(gbkCsvRowBatches(file), (row) => [...ROSTER_COLUMNS.map((c) => row[c]), this.ctx.now()]);
    await inTransaction(this.ctx.db, (client) =>
      copyUnlessRepeated(client, {
        copy: () => copyRows(client, this.t('cbry'), [...cols, 'gxsj'], roster()),
        // A 个人编号 repeated in the seed: the later row updates the earlier one.
        upsert: async () => {
          for await (const batch of gbkCsvRowBatches(file))
            for (const row of batch) await this.write(client, row as Insured);
        },
      }),
    );
  }

  async write(db: Pick<PoolClient, 'query'>, insured: Insured): Promise<void> {
    const cols = ROSTER_COLUMNS.map((c) => COLUMNS[c]);
    await db.query(
      `INSERT INTO ${this.t('cbry')} (${cols.join(', ')}, gxsj)
       VALUES (${cols.map((_c, i) => `$${i + 1}`).join(', ')}, $${cols.length + 1})
       ON CONFLICT (grbh) DO UPDATE SET ${cols
         .slice(1)
         .map((c) => `${c} = excluded.${c}`)
         .join(', ')}, gxsj = excluded.gxsj`,
      [...ROSTER_COLUMNS.map((c) => insured[c]), this.ctx.now()],
    );
  }

  async byGrbh(db: PoolClient, grbh: string): Promise<Insured | undefined> {
    const { rows } = await db.query(`SELECT * FROM ${this.t('cbry')} WHERE grbh = $1`, [grbh]);
    return rows[0] ? toInsured(rows[0] as Record<string, unknown>) : undefined;
  }

  async byGmsfhm(db: PoolClient, gmsfhm: string): Promise<Insured | undefined> {
    const { rows } = await db.query(`SELECT * FROM ${this.t('cbry')} WHERE gmsfhm = $1`, [gmsfhm]);
    return rows[0] ? toInsured(rows[0] as Record<string, unknown>) : undefined;
  }

  /** 个人编号: 3204 (the city) + a 10-digit sequence. */
  async nextGrbh(db: PoolClient): Promise<string> {
    const { rows } = await db.query(
      `SELECT coalesce(max(substr(grbh, 5)::bigint), 0) + 1 AS next FROM ${this.t('cbry')} WHERE grbh ~ '^3204[0-9]{10}$'`,
    );
    return `3204${String((rows[0] as { next: string }).next).padStart(10, '0')}`;
  }

  async insuredElsewhere(db: PoolClient, gmsfhm: string): Promise<boolean> {
    const { rowCount } = await db.query(`SELECT 1 FROM ${this.t('insured_elsewhere')} WHERE gmsfhm = $1`, [
      gmsfhm,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async markInsuredElsewhere(ids: string[]): Promise<void> {
    for (const id of ids) {
      await this.ctx.db.query(
        `INSERT INTO ${this.t('insured_elsewhere')} VALUES ($1) ON CONFLICT DO NOTHING`,
        [id],
      );
    }
  }

  /** Batch numbers: PL + upload date (department clock, Asia/Shanghai) + a 6-digit sequence. */
  async addBatch(file: Buffer, dueInMs: number): Promise<string> {
    const day = new Date(this.ctx.now().getTime() + 8 * 3600_000)
      .toISOString()
      .slice(0, 10)
      .replace(/-/g, '');
    const { rows } = await this.ctx.db.query(`SELECT nextval('${this.t('batch_seq')}') AS n`);
    const batchNo = `PL${day}${String((rows[0] as { n: string }).n).padStart(6, '0')}`;
    await this.ctx.db.query(
      `INSERT INTO ${this.t('batch')} (batch_no, uploaded_at, due_at, file) VALUES ($1, $2, $3, $4)`,
      [batchNo, this.ctx.now(), new Date(Date.now() + dueInMs), file],
    );
    return batchNo;
  }

  async dueBatches(): Promise<Batch[]> {
    const { rows } = await this.ctx.db.query(
      `SELECT batch_no, file FROM ${this.t('batch')} WHERE status = 'pending' AND due_at <= $1 ORDER BY batch_no`,
      [new Date()],
    );
    return (rows as Array<{ batch_no: string; file: Buffer }>).map((r) => ({
      batchNo: r.batch_no,
      file: r.file,
    }));
  }

  async result(batchNo: string): Promise<Buffer | undefined> {
    const { rows } = await this.ctx.db.query(
      `SELECT result FROM ${this.t('batch')} WHERE batch_no = $1 AND status = 'done'`,
      [batchNo],
    );
    return (rows[0] as { result: Buffer } | undefined)?.result;
  }

  /** Applies a batch in one transaction, the roster locked against the other batches. */
  async inTransaction<T>(work: (db: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.ctx.db.connect();
    try {
      await client.query('BEGIN');
      await client.query(`LOCK TABLE ${this.t('cbry')} IN EXCLUSIVE MODE`);
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

  async finishBatch(db: PoolClient, batchNo: string, result: Buffer): Promise<void> {
    await db.query(`UPDATE ${this.t('batch')} SET status = 'done', result = $2 WHERE batch_no = $1`, [
      batchNo,
      result,
    ]);
  }

  async roster(): Promise<Insured[]> {
    const { rows } = await this.ctx.db.query(`SELECT * FROM ${this.t('cbry')} ORDER BY grbh`);
    return rows.map((r) => toInsured(r as Record<string, unknown>));
  }
}
