import type { Pool, PoolClient } from 'pg';
import { copyRows, inTransaction, jsonArrayBatches, mapBatches, type SimContext } from '../../framework';
import type { CardChange, ChangeType, PersonFields, PersonRecord } from './disability.types';

type Db = Pool | PoolClient;

const COLUMNS = `card_no AS "cardNo", name, id_number AS "idNumber", gender, birth_date AS "birthDate",
  disability_type AS "disabilityType", disability_grade AS "disabilityGrade", guardian_name AS "guardianName",
  guardian_phone AS "guardianPhone", phone, address, status`;

const PERSON_COLUMNS = [
  'card_no',
  'name',
  'id_number',
  'gender',
  'birth_date',
  'disability_type',
  'disability_grade',
  'guardian_name',
  'guardian_phone',
  'phone',
  'address',
  'status',
  'updated_at',
];

/** Fixes the key order, whatever order the row or the seed had. */
export const asRecord = (r: PersonRecord): PersonRecord => ({
  cardNo: r.cardNo,
  name: r.name,
  idNumber: r.idNumber,
  gender: r.gender,
  birthDate: r.birthDate,
  disabilityType: r.disabilityType,
  disabilityGrade: r.disabilityGrade,
  guardianName: r.guardianName ?? null,
  guardianPhone: r.guardianPhone ?? null,
  phone: r.phone ?? null,
  address: r.address ?? null,
  status: r.status,
});

/** Certificates (a revoked one stays, its successor is a new row) and the change feed. */
export class DisabilityStore {
  constructor(private readonly ctx: SimContext) {}

  private get s(): string {
    return this.ctx.schema;
  }

  async init(): Promise<void> {
    await this.ctx.db.query(`
      CREATE TABLE IF NOT EXISTS ${this.s}.persons (
        card_no text PRIMARY KEY,
        name text NOT NULL,
        id_number text NOT NULL,
        gender text NOT NULL,
        birth_date text NOT NULL,
        disability_type text NOT NULL,
        disability_grade text NOT NULL,
        guardian_name text,
        guardian_phone text,
        phone text,
        address text,
        status text NOT NULL,
        updated_at timestamptz NOT NULL
      );
      -- a person holds at most one certificate that is not revoked
      CREATE UNIQUE INDEX IF NOT EXISTS persons_current_card_uq ON ${this.s}.persons (id_number)
        WHERE status <> 'revoked';
      CREATE TABLE IF NOT EXISTS ${this.s}.changes (
        seq bigserial PRIMARY KEY,
        change_type text NOT NULL,
        card_no text NOT NULL,
        previous_card_no text,
        changed_at timestamptz NOT NULL,
        person jsonb NOT NULL
      );`);
    const seed = this.ctx.seedFile('json');
    if ((await this.count()) === 0 && seed) await this.loadSeed(seed);
  }

  private async loadSeed(file: string): Promise<void> {
    const now = this.ctx.now();
    const rows = mapBatches(jsonArrayBatches(file), (item) => {
      const p = asRecord(item as PersonRecord);
      return [
        p.cardNo,
        p.name,
        p.idNumber,
        p.gender,
        p.birthDate,
        p.disabilityType,
        p.disabilityGrade,
        p.guardianName,
        p.guardianPhone,
        p.phone,
        p.address,
        p.status,
        now,
      ];
    });
    await inTransaction(this.ctx.db, (client) => copyRows(client, `${this.s}.persons`, PERSON_COLUMNS, rows));
  }

  async count(): Promise<number> {
    const { rows } = await this.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.s}.persons`,
    );
    return rows[0].n;
  }

  async page(offset: number, limit: number): Promise<PersonRecord[]> {
    const { rows } = await this.ctx.db.query<PersonRecord>(
      `SELECT ${COLUMNS} FROM ${this.s}.persons ORDER BY card_no LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return rows.map(asRecord);
  }

  async get(cardNo: string, db: Db = this.ctx.db): Promise<PersonRecord | undefined> {
    const { rows } = await db.query<PersonRecord>(
      `SELECT ${COLUMNS} FROM ${this.s}.persons WHERE card_no = $1`,
      [cardNo],
    );
    return rows[0] && asRecord(rows[0]);
  }

  /** The person's certificate that is not revoked (valid or marked deceased), if any. */
  async currentCard(idNumber: string, db: Db): Promise<PersonRecord | undefined> {
    const { rows } = await db.query<PersonRecord>(
      `SELECT ${COLUMNS} FROM ${this.s}.persons WHERE id_number = $1 AND status <> 'revoked'`,
      [idNumber],
    );
    return rows[0] && asRecord(rows[0]);
  }

  /** Writes one at a time, so feed sequence numbers become visible in order (no reader skips one). */
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

  /** Inserts or replaces the certificate `cardNo`. */
  async save(cardNo: string, f: PersonFields, db: PoolClient): Promise<PersonRecord> {
    await db.query(
      `INSERT INTO ${this.s}.persons (card_no, name, id_number, gender, birth_date, disability_type,
         disability_grade, guardian_name, guardian_phone, phone, address, status, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (card_no) DO UPDATE SET name = EXCLUDED.name, gender = EXCLUDED.gender,
         birth_date = EXCLUDED.birth_date, guardian_name = EXCLUDED.guardian_name,
         guardian_phone = EXCLUDED.guardian_phone, phone = EXCLUDED.phone, address = EXCLUDED.address,
         status = EXCLUDED.status, updated_at = EXCLUDED.updated_at`,
      [
        cardNo,
        f.name,
        f.idNumber,
        f.gender,
        f.birthDate,
        f.disabilityType,
        f.disabilityGrade,
        f.guardianName,
        f.guardianPhone,
        f.phone,
        f.address,
        f.status,
        this.ctx.now(),
      ],
    );
    return asRecord({ cardNo, ...f });
  }

  async recordChange(
    changeType: ChangeType,
    person: PersonRecord,
    previousCardNo: string | null,
    db: PoolClient,
  ): Promise<void> {
    await db.query(
      `INSERT INTO ${this.s}.changes (change_type, card_no, previous_card_no, changed_at, person)
       VALUES ($1, $2, $3, $4, $5)`,
      [changeType, person.cardNo, previousCardNo, this.ctx.now(), JSON.stringify(person)],
    );
  }

  async changesSince(seq: string, limit: number): Promise<CardChange[]> {
    const { rows } = await this.ctx.db.query<{
      seq: string;
      change_type: ChangeType;
      card_no: string;
      previous_card_no: string | null;
      changed_at: Date;
      person: PersonRecord;
    }>(
      `SELECT seq::text AS seq, change_type, card_no, previous_card_no, changed_at, person
       FROM ${this.s}.changes WHERE seq > $1::bigint ORDER BY seq LIMIT $2`,
      [seq, limit],
    );
    return rows.map((r) => ({
      seq: r.seq,
      changeType: r.change_type,
      cardNo: r.card_no,
      previousCardNo: r.previous_card_no,
      changedAt: r.changed_at.toISOString(),
      person: asRecord(r.person),
    }));
  }
}
