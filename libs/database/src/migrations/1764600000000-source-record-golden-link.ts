import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A resolution rewrites `source_record.golden_id` for every record it moves: millions on a first
 * run. The foreign key made each of those row updates also look up and lock its golden record,
 * doubling the cost of the write. The resolver writes a golden record before any source record
 * names it, and golden records are never deleted (only retired), so the key guarded nothing the
 * code does not already guarantee.
 */
export class SourceRecordGoldenLink1764600000000 implements MigrationInterface {
  name = 'SourceRecordGoldenLink1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE source_record DROP CONSTRAINT fk_source_record_golden`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE source_record ADD CONSTRAINT fk_source_record_golden FOREIGN KEY (golden_id) REFERENCES golden_person (id)`,
    );
  }
}
