import { createHash } from 'node:crypto';
import type { SourcePerson } from '@hub/matching';
import { stringify } from 'safe-stable-stringify';
import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

/** A staged source record as the resolver reads it back: the person plus its row id and golden id. */
export interface StagedPerson extends SourcePerson {
  rowId: string;
  goldenId: string | null;
}

const COLUMNS = [
  'system',
  'record_id',
  'id_number_raw',
  'id_number',
  'id_valid',
  'name',
  'gender',
  'birth_date',
  'phone',
  'address',
  'attributes',
  'community_code',
  'content_hash',
] as const;
const TYPES = [
  'text',
  'text',
  'text',
  'text',
  'bool',
  'text',
  'text',
  'text',
  'text',
  'jsonb',
  'jsonb',
  'text',
  'text',
];

/**
 * Keys sorted: the same content hashes the same whether it came from an export (the extractor's
 * key order) or was read back from jsonb (PostgreSQL's key order).
 */
function contentHash(p: SourcePerson): string {
  const { system, recordId, ...content } = p;
  return createHash('sha1')
    .update(stringify([system, recordId, content]) ?? '')
    .digest('hex');
}

/** What the resolver reads of a staged record. */
const STAGED_COLUMNS = `id, system, record_id, id_number_raw, id_number, id_valid, name, gender, birth_date, phone,
  address, attributes, golden_id`;

/**
 * The staged source records (table `source_record`, and `source_record_resident`, which follows
 * them): written in bulk, read back in key order, linked to their golden records.
 */
export class SourceRecordRepository {
  constructor(private readonly db: Db) {}

  /**
   * Upserts one batch (one statement: a column array per field). A record whose content did not
   * change is left alone, so a re-import writes only what the departments changed.
   */
  async upsert(people: readonly SourcePerson[], runStartedAt: Date): Promise<number> {
    if (people.length === 0) return 0;
    // The last copy wins when a system exports the same record id twice in one batch.
    const unique = [...new Map(people.map((p) => [`${p.system}\u0000${p.recordId}`, p])).values()];
    const columns: unknown[][] = COLUMNS.map(() => []);
    for (const p of unique) {
      const row = [
        p.system,
        p.recordId,
        p.idNumberRaw,
        p.idNumber,
        p.idValid,
        p.name,
        p.gender,
        p.birthDate,
        p.phone,
        p.address ? JSON.stringify(p.address) : null,
        JSON.stringify(p.attributes),
        p.attributes.communityCode ?? null,
        contentHash(p),
      ];
      row.forEach((value, i) => columns[i].push(value));
    }
    const unnest = TYPES.map((type, i) => `$${i + 1}::${type === 'jsonb' ? 'text' : type}[]`).join(', ');
    const select = COLUMNS.map((c, i) => (TYPES[i] === 'jsonb' ? `${c}::jsonb` : c)).join(', ');
    const updates = COLUMNS.slice(2)
      .map((c) => `${c} = EXCLUDED.${c}`)
      .join(', ');
    const rows: unknown[] = await this.db.query(
      `INSERT INTO source_record (${COLUMNS.join(', ')}, seen_at)
       SELECT ${select}, $${COLUMNS.length + 1} FROM unnest(${unnest}) AS t(${COLUMNS.join(', ')})
       ON CONFLICT ON CONSTRAINT uq_source_record DO UPDATE SET ${updates}, seen_at = EXCLUDED.seen_at,
          imported_at = CASE WHEN source_record.content_hash = EXCLUDED.content_hash
                             THEN source_record.imported_at ELSE now() END
       RETURNING 1`,
      [...columns, runStartedAt],
    );
    return rows.length;
  }

  /** Records a system no longer holds (not seen by an import of it that started at `since`). */
  async removeUnseen(system: string, since: Date): Promise<number> {
    const [{ removed }]: Array<{ removed: number }> = await this.db.query(
      `WITH gone AS (DELETE FROM source_record WHERE system = $1 AND seen_at < $2 RETURNING id),
       promoted AS (DELETE FROM source_record_resident WHERE source_record_id IN (SELECT id FROM gone))
       SELECT count(*)::int AS removed FROM gone`,
      [system, since],
    );
    return removed;
  }

  /** Every staged record in a fixed order (system, record id), so resolving never depends on arrival order. */
  async *readAll(batchSize = 10_000): AsyncGenerator<StagedPerson[]> {
    let after: [string, string] = ['', ''];
    for (;;) {
      const rows: Array<Record<string, unknown>> = await this.db.query(
        `SELECT ${STAGED_COLUMNS} FROM source_record WHERE (system, record_id) > ($1, $2)
          ORDER BY system, record_id LIMIT $3`,
        [after[0], after[1], batchSize],
      );
      if (rows.length === 0) return;
      yield rows.map(toStaged);
      const last = rows[rows.length - 1];
      after = [String(last.system), String(last.record_id)];
      if (rows.length < batchSize) return;
    }
  }

  /** One staged record, with the hash of its content (to tell a changed record from one seen again). */
  async find(
    system: string,
    recordId: string,
  ): Promise<(StagedPerson & { contentHash: string }) | undefined> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT ${STAGED_COLUMNS}, content_hash FROM source_record WHERE system = $1 AND record_id = $2`,
      [system, recordId],
    );
    return rows[0] ? { ...toStaged(rows[0]), contentHash: String(rows[0].content_hash) } : undefined;
  }

  /** The staged records of some golden records, in source-key order. */
  async ofGolden(goldenIds: readonly string[]): Promise<StagedPerson[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT ${STAGED_COLUMNS} FROM source_record WHERE golden_id = ANY($1::uuid[]) ORDER BY system, record_id`,
      [goldenIds],
    );
    return rows.map(toStaged);
  }

  /** Points each record (`rowIds[i]`) at its golden record (`goldenIds[i]`), in one statement. */
  async linkToGolden(rowIds: readonly string[], goldenIds: readonly string[]): Promise<void> {
    await this.db.query(
      `UPDATE source_record s SET golden_id = t.golden FROM unnest($1::bigint[], $2::uuid[]) AS t(id, golden)
          WHERE s.id = t.id`,
      [rowIds, goldenIds],
    );
  }
}

/** A `source_record` row (at least `STAGED_COLUMNS`) as the staged person; review and promotion read rows too. */
export function toStaged(row: Record<string, unknown>): StagedPerson {
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return {
    rowId: String(row.id),
    goldenId: text(row.golden_id),
    system: String(row.system),
    recordId: String(row.record_id),
    idNumberRaw: text(row.id_number_raw),
    idNumber: text(row.id_number),
    idValid: row.id_valid === true,
    name: text(row.name),
    gender: text(row.gender) as SourcePerson['gender'],
    birthDate: text(row.birth_date),
    phone: text(row.phone),
    address: (row.address as SourcePerson['address']) ?? null,
    attributes: (row.attributes as Record<string, string | null>) ?? {},
  };
}
