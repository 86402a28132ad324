import { copyLine } from '@hub/infra';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

/** Columns of the staged persons, in COPY order (what `PromotionWriter` writes per person). */
export const PERSON_COLUMNS = [
  'golden_id',
  'resident_id',
  'is_new',
  'id_number',
  'name',
  'name_pinyin',
  'name_initials',
  'gender',
  'ethnicity',
  'birth_date',
  'registered_address',
  'phone',
  'marital_status',
  'education',
  'political_status',
  'registration_type',
  'life_status',
  'residence_status',
  'disability_type',
  'disability_grade',
  'disability_certificate_no',
  'living_status',
  'employment_status',
  'pension_status',
  'corrections_type',
  'corrections_start',
  'corrections_end',
  'field_sources',
  'estate',
  'building',
  'unit',
  'room',
  'community_code',
  'grid_code',
  'police_hh',
  'police_relation',
  'civil_no',
  'civil_relation',
  'assistance',
  'hh_key',
] as const;

export const LINK_COLUMNS = ['golden_id', 'system', 'external_id', 'present'] as const;
export const FINDING_COLUMNS = [
  'golden_id',
  'field',
  'chosen_value',
  'chosen_source',
  'department_values',
  'reason',
] as const;
export const SKIPPED_COLUMNS = ['golden_id', 'reason'] as const;

export type StagingTable = 'promote_person' | 'promote_link' | 'promote_finding' | 'promote_skipped';

/**
 * The promotion's working tables: unlogged (a crash loses only a run, which is simply started
 * again), made afresh per run, filled by COPY from the streaming pass over the golden records.
 */
export class PromotionStagingRepository {
  constructor(private readonly db: DataSource) {}

  async create(): Promise<void> {
    await this.db.query(`
      DROP TABLE IF EXISTS promote_person, promote_link, promote_finding, promote_skipped, promote_grid,
                           promote_household;
      CREATE UNLOGGED TABLE promote_person (
        golden_id uuid NOT NULL, resident_id uuid NOT NULL, is_new boolean NOT NULL,
        id_number text, name text, name_pinyin text, name_initials text, gender text, ethnicity text,
        birth_date date, registered_address text, phone text, marital_status text, education text,
        political_status text, registration_type registration_type, life_status life_status,
        residence_status residence_status, disability_type text, disability_grade text,
        disability_certificate_no text, living_status living_status, employment_status text,
        pension_status pension_status, corrections_type text, corrections_start date, corrections_end date,
        field_sources jsonb, estate text, building text, unit text, room text, community_code text,
        grid_code text, police_hh text, police_relation text, civil_no text, civil_relation text,
        assistance jsonb, hh_key text, household_id uuid, address_community text);
      CREATE UNLOGGED TABLE promote_link (golden_id uuid NOT NULL, system text NOT NULL, external_id text,
        present boolean NOT NULL);
      CREATE UNLOGGED TABLE promote_finding (golden_id uuid NOT NULL, field text NOT NULL, chosen_value text,
        chosen_source text, department_values jsonb NOT NULL, reason text NOT NULL);
      CREATE UNLOGGED TABLE promote_skipped (golden_id uuid NOT NULL, reason text NOT NULL)`);
  }

  /**
   * A COPY into one working table that takes rows as they are computed and ends with `close`. Each
   * holds a connection of its own for the whole pass, outside the pool the reads need.
   */
  async open(table: StagingTable, columns: readonly string[]): Promise<RowStream> {
    const client = new Client({ connectionString: (this.db.options as PostgresConnectionOptions).url });
    await client.connect();
    const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    return new RowStream(client, stream);
  }

  /** Indexes the later set-based steps look rows up by, built once the rows are in. */
  async index(): Promise<void> {
    await this.db.query(`
      CREATE UNIQUE INDEX ON promote_person (golden_id);
      CREATE INDEX ON promote_person (police_hh) WHERE police_hh IS NOT NULL;
      CREATE INDEX ON promote_person (civil_no) WHERE civil_no IS NOT NULL;
      CREATE INDEX ON promote_person (id_number) WHERE id_number IS NOT NULL;
      CREATE INDEX ON promote_person (resident_id) WHERE is_new;
      CREATE INDEX ON promote_link (golden_id);
      ANALYZE promote_person; ANALYZE promote_link`);
  }

  /** Golden records this run did not promote, by reason (no name, no birth date, no community …). */
  async skippedBy(): Promise<Record<string, number>> {
    const rows: Array<{ reason: string; n: number }> = await this.db.query(
      `SELECT reason, count(*)::int AS n FROM promote_skipped GROUP BY reason ORDER BY reason`,
    );
    return Object.fromEntries(rows.map((r) => [r.reason, r.n]));
  }

  async drop(): Promise<void> {
    await this.db.query(
      `DROP TABLE IF EXISTS promote_person, promote_link, promote_finding, promote_skipped, promote_grid,
                            promote_household`,
    );
  }
}

/** Rows written as COPY text, a buffer at a time; `close` waits until PostgreSQL has them all. */
export class RowStream {
  private buffer = '';
  private failure: Error | undefined;
  private readonly done: Promise<void>;

  constructor(
    private readonly client: Client,
    private readonly copy: NodeJS.WritableStream,
  ) {
    this.done = new Promise((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', (error: Error) => {
        this.failure = error;
        reject(error);
      });
    });
    this.done.catch(() => undefined);
  }

  /** Queues a row; resolves when the database is ready for more (backpressure). */
  async write(row: readonly unknown[]): Promise<void> {
    this.buffer += copyLine(row);
    if (this.buffer.length >= 1 << 16) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.buffer) return;
    const text = this.buffer;
    this.buffer = '';
    if (this.copy.write(text)) return;
    await Promise.race([new Promise((resolve) => this.copy.once('drain', resolve)), this.done]);
  }

  async close(): Promise<void> {
    try {
      await this.flush();
      this.copy.end();
      await this.done;
    } finally {
      await this.client.end();
    }
  }
}
