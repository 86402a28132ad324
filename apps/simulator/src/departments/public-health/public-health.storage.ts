import type { PoolClient } from 'pg';
import {
  copyRows,
  inTransaction,
  mapBatches,
  ndjsonBatches,
  PageEnds,
  SerialTransactions,
  type SimContext,
} from '../../framework';
import { FhirError, residentId, type Patient } from './public-health.types';

/** Archive numbers start with the 12-digit code of the place that opened them (卫生部档案编码规范). */
const COUNTY_BY_DISTRICT: Record<string, string> = {
  天宁区: '320402',
  钟楼区: '320404',
  新北区: '320411',
  武进区: '320412',
  金坛区: '320413',
  溧阳市: '320481',
};

interface Row {
  resource: Patient;
}

/** The archive system's storage: one row per Patient, the resource as the system serves it. */
export class PatientStore {
  private readonly table: string;
  /** Writes go one at a time so archive numbers and lastUpdated instants never collide. */
  private readonly writes = new SerialTransactions();
  private readonly pageEnds = new PageEnds();

  constructor(private readonly ctx: SimContext) {
    this.table = `${ctx.schema}.patient`;
  }

  async init(): Promise<void> {
    await this.ctx.db.query(`
      CREATE TABLE IF NOT EXISTS ${this.table} (
        id text PRIMARY KEY,
        resident_id text,
        version_id integer NOT NULL,
        last_updated timestamptz NOT NULL,
        resource jsonb NOT NULL
      );
      CREATE UNIQUE INDEX IF NOT EXISTS patient_resident_id_key
        ON ${this.table} (resident_id) WHERE resident_id IS NOT NULL;
      CREATE INDEX IF NOT EXISTS patient_last_updated_idx ON ${this.table} (last_updated, id);`);
    const { rows } = await this.ctx.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.table}`);
    const seed = this.ctx.seedFile('ndjson');
    if (Number(rows[0].n) === 0 && seed) await this.loadSeed(seed);
  }

  /** FHIR bulk-data NDJSON: one Patient a line, kept exactly as given (quirks included). */
  private async loadSeed(file: string): Promise<void> {
    const rows = mapBatches(ndjsonBatches(file), (line) => {
      const patient = line as Patient;
      patient.meta = {
        versionId: patient.meta?.versionId ?? '1',
        lastUpdated: patient.meta?.lastUpdated ?? this.ctx.now().toISOString(),
      };
      return this.values(patient);
    });
    await inTransaction(this.ctx.db, (client) =>
      copyRows(client, this.table, ['id', 'resident_id', 'version_id', 'last_updated', 'resource'], rows),
    );
  }

  private values(patient: Patient): unknown[] {
    return [
      patient.id,
      residentId(patient) ?? null,
      Number(patient.meta.versionId),
      patient.meta.lastUpdated,
      patient,
    ];
  }

  private async write(client: PoolClient, patient: Patient, how: 'insert' | 'update'): Promise<void> {
    const values = this.values(patient);
    await client.query(
      how === 'insert'
        ? `INSERT INTO ${this.table} (id, resident_id, version_id, last_updated, resource) VALUES ($1, $2, $3, $4, $5)`
        : `UPDATE ${this.table} SET resident_id = $2, version_id = $3, last_updated = $4, resource = $5 WHERE id = $1`,
      values,
    );
  }

  async get(id: string): Promise<Patient | undefined> {
    const { rows } = await this.ctx.db.query<Row>(`SELECT resource FROM ${this.table} WHERE id = $1`, [id]);
    return rows[0]?.resource;
  }

  async page(offset: number, count: number): Promise<{ total: number; patients: Patient[] }> {
    const [{ rows: total }, rows] = await Promise.all([
      this.ctx.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.table}`),
      this.pageEnds.page(
        offset,
        async (after) =>
          (after === undefined
            ? await this.ctx.db.query<Row>(
                `SELECT resource FROM ${this.table} ORDER BY id LIMIT $1 OFFSET $2`,
                [count, offset],
              )
            : await this.ctx.db.query<Row>(
                `SELECT resource FROM ${this.table} WHERE id > $2 ORDER BY id LIMIT $1`,
                [count, after],
              )
          ).rows,
        (row) => row.resource.id,
      ),
    ]);
    return { total: Number(total[0].n), patients: rows.map((r) => r.resource) };
  }

  async findByResidentId(value: string): Promise<Patient[]> {
    const { rows } = await this.ctx.db.query<Row>(
      `SELECT resource FROM ${this.table} WHERE resident_id = $1`,
      [value],
    );
    return rows.map((r) => r.resource);
  }

  /** Patients changed after an instant, oldest change first (the system's own change feed). */
  async changedSince(
    after: Date,
    inclusive: boolean,
    count: number,
  ): Promise<{ total: number; patients: Patient[] }> {
    const op = inclusive ? '>=' : '>';
    const [{ rows: total }, { rows }] = await Promise.all([
      this.ctx.db.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${this.table} WHERE last_updated ${op} $1`,
        [after],
      ),
      this.ctx.db.query<Row>(
        `SELECT resource FROM ${this.table} WHERE last_updated ${op} $1 ORDER BY last_updated, id LIMIT $2`,
        [after, count],
      ),
    ]);
    return { total: Number(total[0].n), patients: rows.map((r) => r.resource) };
  }

  async all(): Promise<Patient[]> {
    const { rows } = await this.ctx.db.query<Row>(`SELECT resource FROM ${this.table} ORDER BY id`);
    return rows.map((r) => r.resource);
  }

  /** Opens a new archive; an ID number already on file is a duplicate (409). */
  create(content: Omit<Patient, 'id' | 'meta'>): Promise<Patient> {
    return this.pageEnds.inserting(() => this.createArchive(content));
  }

  private createArchive(content: Omit<Patient, 'id' | 'meta'>): Promise<Patient> {
    return this.serially(async (client) => {
      await this.refuseHeldResidentId(client, content, undefined);
      const id = await this.nextArchiveNumber(client, content);
      const patient: Patient = {
        ...content,
        id,
        meta: { versionId: '1', lastUpdated: await this.stamp(client) },
      };
      await this.write(client, patient, 'insert');
      return patient;
    });
  }

  /** Version-aware update: `expectedVersion` must be the current one (else 412). */
  update(id: string, content: Omit<Patient, 'id' | 'meta'>, expectedVersion: string): Promise<Patient> {
    return this.serially(async (client) => {
      const { rows } = await client.query<Row>(
        `SELECT resource FROM ${this.table} WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const current = rows[0]?.resource;
      if (!current) throw new FhirError(404, 'not-found', `健康档案 ${id} 不存在`);
      if (current.meta.versionId !== expectedVersion)
        throw new FhirError(
          412,
          'conflict',
          `版本冲突：档案当前版本为 ${current.meta.versionId}，请求基于版本 ${expectedVersion}，请重新读取后再提交`,
        );
      await this.refuseHeldResidentId(client, content, id);
      const patient: Patient = {
        ...content,
        id,
        meta: {
          versionId: String(Number(current.meta.versionId) + 1),
          lastUpdated: await this.stamp(client),
        },
      };
      await this.write(client, patient, 'update');
      return patient;
    });
  }

  private async refuseHeldResidentId(
    client: PoolClient,
    content: Omit<Patient, 'id' | 'meta'>,
    ownId: string | undefined,
  ): Promise<void> {
    const value = residentId(content);
    if (!value) return;
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM ${this.table} WHERE resident_id = $1 AND id IS DISTINCT FROM $2`,
      [value, ownId ?? null],
    );
    if (rows[0])
      throw new FhirError(409, 'duplicate', `该居民身份证号码已建立健康档案（档案号 ${rows[0].id}）`);
  }

  /** 12-digit place code + 5-digit sequence; archives opened through the API get county + 000000. */
  private async nextArchiveNumber(
    client: PoolClient,
    content: Omit<Patient, 'id' | 'meta'>,
  ): Promise<string> {
    const district = content.address?.find((a) => a.district)?.district ?? '';
    const prefix = `${COUNTY_BY_DISTRICT[district] ?? '320400'}000000`;
    const { rows } = await client.query<{ last: string | null }>(
      `SELECT max(substr(id, 13)) AS last FROM ${this.table} WHERE id LIKE $1 || '_____'`,
      [prefix],
    );
    const next = Number(rows[0].last ?? '0') + 1;
    if (next > 99999) throw new FhirError(500, 'exception', '档案编号已用尽');
    return `${prefix}${String(next).padStart(5, '0')}`;
  }

  /**
   * lastUpdated of a change: the department clock, but always after the previous change, so that
   * `_lastUpdated=gt<last seen>` neither repeats nor skips a change even when tests move the clock.
   */
  private async stamp(client: PoolClient): Promise<string> {
    const { rows } = await client.query<{ last: Date | null }>(
      `SELECT max(last_updated) AS last FROM ${this.table}`,
    );
    const now = this.ctx.now().getTime();
    const last = rows[0].last?.getTime() ?? 0;
    return new Date(Math.max(now, last + 1)).toISOString();
  }

  private serially<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.writes.run(this.ctx.db, work);
  }
}
