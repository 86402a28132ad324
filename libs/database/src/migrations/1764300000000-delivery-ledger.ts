import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The delivery ledger, the cross references to departments' own ids, connector state, inbound holding. */
export class DeliveryLedger1764300000000 implements MigrationInterface {
  name = 'DeliveryLedger1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE delivery_status AS ENUM ('pending', 'sent', 'confirmed', 'failed', 'not_relevant')`,
    );
    await q.query(`
      CREATE TABLE delivery (
        id bigserial CONSTRAINT pk_delivery PRIMARY KEY,
        system text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        version integer NOT NULL,
        event_id bigint,
        action text,
        status delivery_status NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        error_kind text,
        last_error text,
        external_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_delivery_subject_version UNIQUE (system, subject_type, subject_id, version)
      )`);
    // Open work per system: what the queues must hold, what operators look at.
    await q.query(
      `CREATE INDEX ix_delivery_open ON delivery (system, status, id) WHERE status IN ('pending', 'sent', 'failed')`,
    );
    await q.query(`
      CREATE TABLE system_link (
        system text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        external_id text,
        delivered_version integer NOT NULL DEFAULT 0,
        present boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_system_link PRIMARY KEY (system, subject_type, subject_id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_system_link_external ON system_link (system, subject_type, external_id) WHERE external_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE connector_state (
        system text CONSTRAINT pk_connector_state PRIMARY KEY,
        paused boolean NOT NULL DEFAULT false,
        inbound_cursor text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE inbound_holding (
        id bigserial CONSTRAINT pk_inbound_holding PRIMARY KEY,
        system text NOT NULL,
        external_id text,
        id_number_masked text,
        payload jsonb NOT NULL,
        reason text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['inbound_holding', 'connector_state', 'system_link', 'delivery']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP TYPE IF EXISTS delivery_status`);
  }
}
