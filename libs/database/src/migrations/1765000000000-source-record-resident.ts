import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which resident each department record was promoted into, in a narrow table of its own instead
 * of a column of `source_record`: promotion writes it for every record, and rewriting a staged
 * record (about 1.6 KB, five indexes) to set one id cost 367 s of a 1M-person go-live.
 * Also: an index on `system_link (subject_id)`, for "which systems hold these subjects" (the
 * go-live holding check and the router), which the primary key (system first) cannot answer.
 */
export class SourceRecordResident1765000000000 implements MigrationInterface {
  name = 'SourceRecordResident1765000000000';

  async up(q: QueryRunner): Promise<void> {
    // No foreign key to source_record: its per-row check would cost as much as the write it
    // replaces; removing a record (SourceStore.removeUnseen) removes its row here in the same statement.
    await q.query(`
      CREATE TABLE source_record_resident (
        source_record_id bigint CONSTRAINT pk_source_record_resident PRIMARY KEY,
        resident_id uuid NOT NULL
      )`);
    await q.query(`
      INSERT INTO source_record_resident (source_record_id, resident_id)
      SELECT id, resident_id FROM source_record WHERE resident_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_source_record_resident_resident ON source_record_resident (resident_id)`);
    await q.query(`ALTER TABLE source_record DROP COLUMN resident_id`);
    await q.query(`CREATE INDEX ix_system_link_subject ON system_link (subject_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_system_link_subject`);
    await q.query(`ALTER TABLE source_record ADD COLUMN resident_id uuid`);
    await q.query(`
      UPDATE source_record s SET resident_id = r.resident_id
        FROM source_record_resident r WHERE r.source_record_id = s.id`);
    await q.query(
      `CREATE INDEX ix_source_record_resident ON source_record (resident_id) WHERE resident_id IS NOT NULL`,
    );
    await q.query(`DROP TABLE source_record_resident`);
  }
}
