import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a version was made, in the worker's words: a correction of someone's identity (name, ID
 * number, birth date …) must say why, and the history and the audit show it.
 */
export class ChangeReason1764800000000 implements MigrationInterface {
  name = 'ChangeReason1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE resident_version ADD COLUMN reason text`);
    await q.query(`ALTER TABLE household_version ADD COLUMN reason text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE household_version DROP COLUMN reason`);
    await q.query(`ALTER TABLE resident_version DROP COLUMN reason`);
  }
}
