import { randomBytes } from 'node:crypto';
import {
  copyRows,
  inTransaction,
  jsonArrayBatches,
  mapBatches,
  PageEnds,
  toEighteen,
  type SimContext,
} from '../../framework';
import { TOKEN_LIFETIME_SECONDS, type ElderFields, type ElderRecord } from './aging-services.types';
import { allowanceLevelOf } from './aging-services.validation';

const COLUMNS = `elder_id AS "elderId", name, id_card AS "idCard", gender,
  to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", phone, address, living_status AS "livingStatus",
  emergency_contact AS "emergencyContact", status`;

type Row = Omit<ElderRecord, 'allowanceLevel'>;

const ELDER_COLUMNS = [
  'elder_id',
  'name',
  'id_card',
  'person_key',
  'gender',
  'birth_date',
  'phone',
  'address',
  'living_status',
  'emergency_contact',
  'status',
  'updated_at',
];

/** The elder as the system shows it, its allowance band computed for the department's today. */
const asRecord = (r: Row, now: Date): ElderRecord => ({
  elderId: r.elderId,
  name: r.name,
  idCard: r.idCard,
  gender: r.gender,
  birthDate: r.birthDate,
  phone: r.phone ?? null,
  address: r.address ?? null,
  livingStatus: r.livingStatus ?? null,
  allowanceLevel: allowanceLevelOf(r.birthDate, now),
  emergencyContact: r.emergencyContact ?? null,
  status: r.status,
});

const values = (f: ElderFields): unknown[] => [
  f.name,
  f.idCard,
  toEighteen(f.idCard),
  f.gender,
  f.birthDate,
  f.phone,
  f.address,
  f.livingStatus,
  f.emergencyContact && JSON.stringify(f.emergencyContact),
  f.status,
];

/** The elders table (keyed by `elderId`, one row per person whatever the ID's length) and issued tokens. */
export class AgingStore {
  private readonly pageEnds = new PageEnds();

  constructor(private readonly ctx: SimContext) {}

  private get s(): string {
    return this.ctx.schema;
  }

  async init(): Promise<void> {
    await this.ctx.db.query(`
      CREATE TABLE IF NOT EXISTS ${this.s}.elders (
        elder_id text PRIMARY KEY,
        name text NOT NULL,
        id_card text NOT NULL,
        -- the 18-digit form, so a legacy 15-digit record and a new 18-digit one are the same person
        person_key text NOT NULL,
        gender text NOT NULL,
        birth_date date NOT NULL,
        phone text,
        address text,
        living_status text,
        emergency_contact jsonb,
        status text NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT elders_person_key_uq UNIQUE (person_key)
      );
      CREATE SEQUENCE IF NOT EXISTS ${this.s}.elder_serial;
      CREATE TABLE IF NOT EXISTS ${this.s}.tokens (
        token text PRIMARY KEY,
        client_id text NOT NULL,
        expires_at timestamptz NOT NULL
      );`);
    const seed = this.ctx.seedFile('json');
    if ((await this.count()) === 0 && seed) await this.loadSeed(seed);
  }

  /** Legacy content as it is (stale phones, 15-digit numbers); the allowance band is recomputed. */
  private async loadSeed(file: string): Promise<void> {
    const now = this.ctx.now();
    const rows = mapBatches(jsonArrayBatches(file), (item) => {
      const e = item as Row;
      const contact = e.emergencyContact;
      return [
        e.elderId,
        e.name,
        e.idCard,
        toEighteen(e.idCard),
        e.gender,
        e.birthDate,
        e.phone,
        e.address,
        e.livingStatus,
        contact === null || contact === undefined ? null : JSON.stringify(contact),
        e.status,
        now,
      ];
    });
    await inTransaction(this.ctx.db, async (client) => {
      await copyRows(client, `${this.s}.elders`, ELDER_COLUMNS, rows);
      // New ids continue after the highest seeded serial.
      await client.query(
        `SELECT setval('${this.s}.elder_serial', COALESCE(MAX(substring(elder_id FROM 3)::bigint), 1),
           MAX(elder_id) IS NOT NULL)
         FROM ${this.s}.elders WHERE elder_id ~ '^EL[0-9]{10}$'`,
      );
    });
  }

  async count(): Promise<number> {
    const { rows } = await this.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.s}.elders`,
    );
    return rows[0].n;
  }

  async page(offset: number, limit: number): Promise<ElderRecord[]> {
    const rows = await this.pageEnds.page(
      offset,
      async (after) =>
        (after === undefined
          ? await this.ctx.db.query<Row>(
              `SELECT ${COLUMNS} FROM ${this.s}.elders ORDER BY elder_id LIMIT $1 OFFSET $2`,
              [limit, offset],
            )
          : await this.ctx.db.query<Row>(
              `SELECT ${COLUMNS} FROM ${this.s}.elders WHERE elder_id > $2 ORDER BY elder_id LIMIT $1`,
              [limit, after],
            )
        ).rows,
      (row) => String(row.elderId),
    );
    const now = this.ctx.now();
    return rows.map((r) => asRecord(r, now));
  }

  async get(elderId: string): Promise<ElderRecord | undefined> {
    const { rows } = await this.ctx.db.query<Row>(
      `SELECT ${COLUMNS} FROM ${this.s}.elders WHERE elder_id = $1`,
      [elderId],
    );
    return rows[0] && asRecord(rows[0], this.ctx.now());
  }

  /** The elder already registered under this person's number (15 or 18 digits), if any. */
  async holderOf(idCard: string): Promise<string | undefined> {
    const { rows } = await this.ctx.db.query<{ elderId: string }>(
      `SELECT elder_id AS "elderId" FROM ${this.s}.elders WHERE person_key = $1`,
      [toEighteen(idCard)],
    );
    return rows[0]?.elderId;
  }

  /** Inserts with the next `EL` + 10-digit id; undefined when the person is already registered. */
  async insert(fields: ElderFields): Promise<ElderRecord | undefined> {
    const { rows } = await this.pageEnds.inserting(() =>
      this.ctx.db.query<Row>(
        `INSERT INTO ${this.s}.elders (elder_id, name, id_card, person_key, gender, birth_date, phone, address,
         living_status, emergency_contact, status, updated_at)
       VALUES ('EL' || lpad(nextval('${this.s}.elder_serial')::text, 10, '0'), $1, $2, $3, $4, $5::date, $6, $7,
         $8, $9, $10, $11)
       ON CONFLICT ON CONSTRAINT elders_person_key_uq DO NOTHING
       RETURNING ${COLUMNS}`,
        [...values(fields), this.ctx.now()],
      ),
    );
    return rows[0] && asRecord(rows[0], this.ctx.now());
  }

  async replace(elderId: string, fields: ElderFields): Promise<ElderRecord | undefined> {
    const { rows } = await this.ctx.db.query<Row>(
      `UPDATE ${this.s}.elders SET name = $2, id_card = $3, person_key = $4, gender = $5, birth_date = $6::date,
         phone = $7, address = $8, living_status = $9, emergency_contact = $10, status = $11, updated_at = $12
       WHERE elder_id = $1 RETURNING ${COLUMNS}`,
      [elderId, ...values(fields), this.ctx.now()],
    );
    return rows[0] && asRecord(rows[0], this.ctx.now());
  }

  async issueToken(clientId: string): Promise<string> {
    const token = randomBytes(24).toString('hex');
    const now = this.ctx.now();
    await this.ctx.db.query(`DELETE FROM ${this.s}.tokens WHERE expires_at < $1`, [
      new Date(now.getTime() - 24 * 3600_000),
    ]);
    await this.ctx.db.query(
      `INSERT INTO ${this.s}.tokens (token, client_id, expires_at) VALUES ($1, $2, $3)`,
      [token, clientId, new Date(now.getTime() + TOKEN_LIFETIME_SECONDS * 1000)],
    );
    return token;
  }

  async tokenExpiry(token: string): Promise<Date | undefined> {
    const { rows } = await this.ctx.db.query<{ expires_at: Date }>(
      `SELECT expires_at FROM ${this.s}.tokens WHERE token = $1`,
      [token],
    );
    return rows[0]?.expires_at;
  }
}
