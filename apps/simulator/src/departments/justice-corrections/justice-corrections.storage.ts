import type { PoolClient } from 'pg';
import {
  copyRows,
  inTransaction,
  jsonArrayBatches,
  mapBatches,
  SerialTransactions,
  type SimContext,
} from '../../framework';
import {
  JusticeError,
  type ChangeEntry,
  type ChangeKind,
  type CorrectionRecord,
} from './justice-corrections.types';
import { validateRecord } from './justice-corrections.validation';

/** The corrections office registers everyone at city level: `JZ` + 320400 + year + sequence. */
const ID_PREFIX = 'JZ320400';

/** `yyyy-MM-dd HH:mm:ss` in Beijing time, as the system writes times. */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function kindOf(before: CorrectionRecord | undefined, after: CorrectionRecord): ChangeKind {
  if (after.zt === '1' && before?.zt !== '1') return '1';
  if (after.zt === '2' && before?.zt === '1') return '2';
  return '3';
}

function sameRecord(a: CorrectionRecord, b: CorrectionRecord): boolean {
  const keys = Object.keys(a).sort() as Array<keyof CorrectionRecord>;
  return keys.join() === Object.keys(b).sort().join() && keys.every((k) => a[k] === b[k]);
}

export interface SaveOutcome {
  record: CorrectionRecord;
  created: boolean;
}

/** Storage of the corrections system: its persons and its change log (the feed's cursor is `xh`). */
export class CorrectionStore {
  private readonly persons: string;
  private readonly changes: string;
  /** One write at a time: ids and the change order stay simple. */
  private readonly writes = new SerialTransactions();

  constructor(private readonly ctx: SimContext) {
    this.persons = `${ctx.schema}.person`;
    this.changes = `${ctx.schema}.change_log`;
  }

  async init(): Promise<void> {
    await this.ctx.db.query(`
      CREATE TABLE IF NOT EXISTS ${this.persons} (
        sqjzrybh text PRIMARY KEY,
        sfzh text NOT NULL CONSTRAINT person_sfzh_key UNIQUE,
        record jsonb NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${this.changes} (
        xh bigserial PRIMARY KEY,
        sqjzrybh text NOT NULL,
        bglx text NOT NULL,
        bgsj timestamptz NOT NULL,
        record jsonb NOT NULL
      );`);
    const { rows } = await this.ctx.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.persons}`);
    const seed = this.ctx.seedFile('json');
    if (Number(rows[0].n) === 0 && seed) {
      // Seed records are the system's initial content, kept as given; they are not changes.
      const rows = mapBatches(jsonArrayBatches(seed), (item) => {
        const record = item as CorrectionRecord;
        return [record.sqjzrybh, record.sfzh, record];
      });
      await inTransaction(this.ctx.db, (client) =>
        copyRows(client, this.persons, ['sqjzrybh', 'sfzh', 'record'], rows),
      );
    }
  }

  async page(pageNo: number, pageSize: number): Promise<{ total: number; list: CorrectionRecord[] }> {
    const [{ rows: total }, { rows }] = await Promise.all([
      this.ctx.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.persons}`),
      this.ctx.db.query<{ record: CorrectionRecord }>(
        `SELECT record FROM ${this.persons} ORDER BY sqjzrybh LIMIT $1 OFFSET $2`,
        [pageSize, (pageNo - 1) * pageSize],
      ),
    ]);
    return { total: Number(total[0].n), list: rows.map((r) => r.record) };
  }

  async changesAfter(cursor: number, limit: number): Promise<ChangeEntry[]> {
    const { rows } = await this.ctx.db.query<{
      xh: string;
      bglx: ChangeKind;
      bgsj: Date;
      record: CorrectionRecord;
    }>(`SELECT xh, bglx, bgsj, record FROM ${this.changes} WHERE xh > $1 ORDER BY xh LIMIT $2`, [
      cursor,
      limit,
    ]);
    return rows.map((r) => ({ xh: Number(r.xh), bglx: r.bglx, bgsj: beijingTime(r.bgsj), ry: r.record }));
  }

  async all(): Promise<CorrectionRecord[]> {
    const { rows } = await this.ctx.db.query<{ record: CorrectionRecord }>(
      `SELECT record FROM ${this.persons} ORDER BY sqjzrybh`,
    );
    return rows.map((r) => r.record);
  }

  async findBySfzh(sfzh: string): Promise<CorrectionRecord | undefined> {
    const { rows } = await this.ctx.db.query<{ record: CorrectionRecord }>(
      `SELECT record FROM ${this.persons} WHERE sfzh = $1`,
      [sfzh],
    );
    return rows[0]?.record;
  }

  /**
   * Upsert by ID number (or by `sqjzrybh` when given). Fields absent from the payload keep their
   * values; a save that changes nothing leaves no trace in the change log.
   */
  save(payload: Partial<CorrectionRecord>): Promise<SaveOutcome> {
    return this.serially(async (client) => {
      const byId = async (column: 'sqjzrybh' | 'sfzh', value: string | undefined) =>
        value === undefined
          ? undefined
          : (
              await client.query<{ record: CorrectionRecord }>(
                `SELECT record FROM ${this.persons} WHERE ${column} = $1 FOR UPDATE`,
                [value],
              )
            ).rows[0]?.record;
      let current: CorrectionRecord | undefined;
      if (payload.sqjzrybh !== undefined) {
        current = await byId('sqjzrybh', payload.sqjzrybh);
        if (!current) throw new JusticeError(404, 'E404', `矫正人员不存在：${payload.sqjzrybh}`);
      }
      const holder = await byId('sfzh', payload.sfzh);
      if (current && holder && holder.sqjzrybh !== current.sqjzrybh)
        throw new JusticeError(409, 'E409', `该身份证号码已登记为其他矫正人员（编号 ${holder.sqjzrybh}）`);
      current ??= holder;
      const content = validateRecord({ ...current, ...payload });
      const record: CorrectionRecord = {
        sqjzrybh: current?.sqjzrybh ?? (await this.nextId(client)),
        ...content,
      };
      if (current && sameRecord(current, record)) return { record: current, created: false };
      await client.query(
        `INSERT INTO ${this.persons} (sqjzrybh, sfzh, record) VALUES ($1, $2, $3)
         ON CONFLICT (sqjzrybh) DO UPDATE SET sfzh = EXCLUDED.sfzh, record = EXCLUDED.record`,
        [record.sqjzrybh, record.sfzh, record],
      );
      await client.query(
        `INSERT INTO ${this.changes} (sqjzrybh, bglx, bgsj, record) VALUES ($1, $2, $3, $4)`,
        [record.sqjzrybh, kindOf(current, record), this.ctx.now(), record],
      );
      return { record, created: !current };
    });
  }

  private async nextId(client: PoolClient): Promise<string> {
    const prefix = `${ID_PREFIX}${beijingTime(this.ctx.now()).slice(0, 4)}`;
    const { rows } = await client.query<{ last: string | null }>(
      `SELECT max(substr(sqjzrybh, ${prefix.length + 1})) AS last FROM ${this.persons} WHERE sqjzrybh LIKE $1 || '______'`,
      [prefix],
    );
    return `${prefix}${String(Number(rows[0].last ?? '0') + 1).padStart(6, '0')}`;
  }

  private serially<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.writes.run(this.ctx.db, work);
  }
}
