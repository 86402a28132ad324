import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delivery that waits rather than fails: a department that keys persons by ID number cannot take
 * a newborn until the police issue the number, so that delivery waits for the version bringing it.
 */
export class DeliveryWaiting1764900000000 implements MigrationInterface {
  name = 'DeliveryWaiting1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE delivery_status ADD VALUE IF NOT EXISTS 'waiting'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // An enum value cannot be dropped; rows that waited are re-opened for the queue instead.
    await q.query(`UPDATE delivery SET status = 'pending' WHERE status = 'waiting'`);
  }
}
