import type { Pool, PoolClient } from 'pg';
import { copyRows, inTransaction, jsonArrayBatches, mapBatches, type SimContext } from '../../framework';
import type {
  ChangeType,
  HouseholdChange,
  HouseholdDocument,
  HouseholdFields,
} from './civil-assistance.types';

type Db = Pool | PoolClient;

const DOCUMENT_COLUMNS = `household_no AS "householdNo", head_name AS "headName", head_id_card AS "headIdCard",
  address, assistance_type AS "assistanceType", monthly_amount::float8 AS "monthlyAmount",
  to_char(approved_on, 'YYYY-MM-DD') AS "approvedOn", status, members`;

const HOUSEHOLD_COLUMNS = [
  'household_no',
  'head_name',
  'head_id_card',
  'address',
  'assistance_type',
  'monthly_amount',
  'approved_on',
  'status',
  'members',
  'updated_at',
];

/** Fixes the key order of a document, whatever order the row or the seed had. */
const asDocument = (r: HouseholdDocument): HouseholdDocument => ({
  householdNo: r.householdNo,
  headName: r.headName,
  headIdCard: r.headIdCard,
  address: r.address,
  assistanceType: r.assistanceType,
  monthlyAmount: Number(r.monthlyAmount),
  approvedOn: r.approvedOn,
  status: r.status,
  members: r.members.map((m) => ({
    name: m.name,
    ...(m.idCard ? { idCard: m.idCard } : {}),
    gender: m.gender,
    relation: m.relation,
  })),
});

/** What the feed calls a change from `before` to `after`; null when nothing changed. */
export function changeTypeOf(before: HouseholdDocument, after: HouseholdDocument): ChangeType | null {
  if (JSON.stringify(before) === JSON.stringify(after)) return null;
  if (before.status === 'active' && after.status === 'ended') return 'terminated';
  if (before.status === 'ended' && after.status === 'active') return 'approved';
  if (before.monthlyAmount !== after.monthlyAmount) return 'amount_changed';
  return 'updated';
}

/** The department's tables: households, the change feed, and the nonces it has seen. */
export class CivilStore {
  constructor(private readonly ctx: SimContext) {}

  private get s(): string {
    return this.ctx.schema;
  }

  async init(): Promise<void> {
    await this.ctx.db.query(`
      CREATE TABLE IF NOT EXISTS ${this.s}.households (
        household_no text PRIMARY KEY,
        head_name text NOT NULL,
        head_id_card text NOT NULL,
        address text NOT NULL,
        assistance_type text NOT NULL,
        monthly_amount numeric(10, 2) NOT NULL,
        approved_on date NOT NULL,
        status text NOT NULL,
        members jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX IF NOT EXISTS households_head_id_card_idx ON ${this.s}.households (head_id_card);
      CREATE SEQUENCE IF NOT EXISTS ${this.s}.household_serial;
      CREATE TABLE IF NOT EXISTS ${this.s}.changes (
        cursor bigserial PRIMARY KEY,
        household_no text NOT NULL,
        change_type text NOT NULL,
        changed_at timestamptz NOT NULL,
        document jsonb NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${this.s}.nonces (
        app_key text NOT NULL,
        nonce text NOT NULL,
        seen_at timestamptz NOT NULL,
        PRIMARY KEY (app_key, nonce)
      );`);
    const { rows } = await this.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.s}.households`,
    );
    const seed = this.ctx.seedFile('json');
    if (rows[0].n === 0 && seed) await this.loadSeed(seed);
  }

  /** The seed is the department's own legacy content: loaded as it is, quirks included. */
  private async loadSeed(file: string): Promise<void> {
    const now = this.ctx.now();
    const rows = mapBatches(jsonArrayBatches(file), (item) => {
      const d = asDocument(item as HouseholdDocument);
      // As JSON carries it: a number that is not finite is null.
      const amount = Number.isFinite(d.monthlyAmount) ? d.monthlyAmount : null;
      return [
        d.householdNo,
        d.headName,
        d.headIdCard,
        d.address,
        d.assistanceType,
        amount,
        d.approvedOn,
        d.status,
        JSON.stringify(d.members),
        now,
      ];
    });
    await inTransaction(this.ctx.db, (client) =>
      copyRows(client, `${this.s}.households`, HOUSEHOLD_COLUMNS, rows),
    );
  }

  async count(): Promise<number> {
    const { rows } = await this.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.s}.households`,
    );
    return rows[0].n;
  }

  async page(offset: number, limit: number): Promise<HouseholdDocument[]> {
    const { rows } = await this.ctx.db.query<HouseholdDocument>(
      `SELECT ${DOCUMENT_COLUMNS} FROM ${this.s}.households ORDER BY household_no LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return rows.map(asDocument);
  }

  async get(householdNo: string, db: Db = this.ctx.db): Promise<HouseholdDocument | undefined> {
    const { rows } = await db.query<HouseholdDocument>(
      `SELECT ${DOCUMENT_COLUMNS} FROM ${this.s}.households WHERE household_no = $1`,
      [householdNo],
    );
    return rows[0] && asDocument(rows[0]);
  }

  async byHead(headIdCard: string, db: Db): Promise<HouseholdDocument | undefined> {
    const { rows } = await db.query<HouseholdDocument>(
      `SELECT ${DOCUMENT_COLUMNS} FROM ${this.s}.households WHERE head_id_card = $1 LIMIT 1`,
      [headIdCard],
    );
    return rows[0] && asDocument(rows[0]);
  }

  /** Active households other than `except` in which one of these ID numbers is a member. */
  async activeHolders(
    idCards: string[],
    except: string | null,
    db: Db,
  ): Promise<Array<{ householdNo: string; idCard: string }>> {
    if (idCards.length === 0) return [];
    const { rows } = await db.query<{ householdNo: string; idCard: string }>(
      `SELECT h.household_no AS "householdNo", m->>'idCard' AS "idCard"
       FROM ${this.s}.households h, jsonb_array_elements(h.members) m
       WHERE h.status = 'active' AND m->>'idCard' = ANY($1) AND h.household_no IS DISTINCT FROM $2`,
      [idCards, except],
    );
    return rows;
  }

  /**
   * Runs writes one at a time: the feed's cursors must become visible in order, or a reader
   * could pass a cursor whose predecessor commits later and miss it.
   */
  async transaction<T>(work: (db: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.ctx.db.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [this.s]);
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

  /** A new household gets `MZ` + the head's county code + a 6-digit serial. */
  async insert(fields: HouseholdFields, db: PoolClient): Promise<HouseholdDocument> {
    for (;;) {
      const { rows } = await db.query<{ n: string }>(`SELECT nextval('${this.s}.household_serial') AS n`);
      const householdNo = `MZ${fields.headIdCard.slice(0, 6)}${rows[0].n.padStart(6, '0').slice(-6)}`;
      const inserted = await db.query(
        `INSERT INTO ${this.s}.households (household_no, head_name, head_id_card, address, assistance_type,
           monthly_amount, approved_on, status, members, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8, $9, $10) ON CONFLICT (household_no) DO NOTHING`,
        [householdNo, ...this.values(fields), this.ctx.now()],
      );
      if (inserted.rowCount === 1) return asDocument({ householdNo, ...fields });
    }
  }

  async replace(householdNo: string, fields: HouseholdFields, db: PoolClient): Promise<HouseholdDocument> {
    await db.query(
      `UPDATE ${this.s}.households SET head_name = $2, head_id_card = $3, address = $4, assistance_type = $5,
         monthly_amount = $6, approved_on = $7::date, status = $8, members = $9, updated_at = $10
       WHERE household_no = $1`,
      [householdNo, ...this.values(fields), this.ctx.now()],
    );
    return asDocument({ householdNo, ...fields });
  }

  private values(f: HouseholdFields): unknown[] {
    return [
      f.headName,
      f.headIdCard,
      f.address,
      f.assistanceType,
      f.monthlyAmount,
      f.approvedOn,
      f.status,
      JSON.stringify(f.members),
    ];
  }

  async recordChange(changeType: ChangeType, document: HouseholdDocument, db: PoolClient): Promise<void> {
    await db.query(
      `INSERT INTO ${this.s}.changes (household_no, change_type, changed_at, document) VALUES ($1, $2, $3, $4)`,
      [document.householdNo, changeType, this.ctx.now(), JSON.stringify(document)],
    );
  }

  async changesSince(cursor: string, limit: number): Promise<HouseholdChange[]> {
    const { rows } = await this.ctx.db.query<{
      cursor: string;
      change_type: ChangeType;
      household_no: string;
      changed_at: Date;
      document: HouseholdDocument;
    }>(
      `SELECT cursor::text AS cursor, change_type, household_no, changed_at, document
       FROM ${this.s}.changes WHERE cursor > $1::bigint ORDER BY cursor LIMIT $2`,
      [cursor, limit],
    );
    return rows.map((r) => ({
      cursor: r.cursor,
      changeType: r.change_type,
      householdNo: r.household_no,
      changedAt: r.changed_at.toISOString(),
      household: asDocument(r.document),
    }));
  }

  /** False when this nonce was already used by this app key (a replay). */
  async rememberNonce(appKey: string, nonce: string, forgetBefore: Date): Promise<boolean> {
    await this.ctx.db.query(`DELETE FROM ${this.s}.nonces WHERE seen_at < $1`, [forgetBefore]);
    const { rowCount } = await this.ctx.db.query(
      `INSERT INTO ${this.s}.nonces (app_key, nonce, seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [appKey, nonce, this.ctx.now()],
    );
    return rowCount === 1;
  }
}
