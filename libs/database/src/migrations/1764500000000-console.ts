import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console: reconciliation results kept per run, and the ledger indexes its pages read — a
 * subject's deliveries across systems, and each system's recent outcomes (rates, latency, "down").
 */
export class Console1764500000000 implements MigrationInterface {
  name = 'Console1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reconciliation_run (
        id bigserial CONSTRAINT pk_reconciliation_run PRIMARY KEY,
        system text NOT NULL,
        job_id text,
        requested_by uuid,
        repair boolean NOT NULL DEFAULT false,
        status text NOT NULL CONSTRAINT ck_reconciliation_run_status CHECK (status IN ('completed', 'failed')),
        expected integer NOT NULL DEFAULT 0,
        held integer NOT NULL DEFAULT 0,
        missing integer NOT NULL DEFAULT 0,
        extra integer NOT NULL DEFAULT 0,
        different integer NOT NULL DEFAULT 0,
        duplicates integer NOT NULL DEFAULT 0,
        repaired integer NOT NULL DEFAULT 0,
        differences jsonb NOT NULL DEFAULT '[]',
        error text,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_reconciliation_run_latest ON reconciliation_run (system, finished_at DESC)`,
    );
    await q.query(`CREATE INDEX ix_delivery_subject ON delivery (subject_id, subject_type, version)`);
    // Rows that were never relevant are most of the ledger and never change; the console skips them.
    await q.query(
      `CREATE INDEX ix_delivery_recent ON delivery (system, updated_at) WHERE status <> 'not_relevant'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_delivery_recent`);
    await q.query(`DROP INDEX IF EXISTS ix_delivery_subject`);
    await q.query(`DROP TABLE IF EXISTS reconciliation_run`);
  }
}
