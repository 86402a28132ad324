import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Go-live: the resolved city becomes the unified record. Each resident remembers the golden
 * record it was promoted from and each staged department record the resident it belongs to, so
 * promotion can run again without duplicating anyone; the grid platform's houses are staged as
 * household evidence; departments' disagreements become a worklist (数据核对); a resident found
 * to be someone else's duplicate is retired with a pointer to the survivor.
 */
export class GoLive1764700000000 implements MigrationInterface {
  name = 'GoLive1764700000000';

  async up(q: QueryRunner): Promise<void> {
    // A department may hold a person without stating an ethnicity (a health archive, an insurance
    // row); promotion keeps the gap visible rather than guessing. Entry still requires one.
    await q.query(`ALTER TABLE resident ALTER COLUMN ethnicity DROP NOT NULL`);
    await q.query(`ALTER TABLE resident ADD COLUMN golden_id uuid`);
    await q.query(
      `CREATE UNIQUE INDEX uq_resident_golden ON resident (golden_id) WHERE golden_id IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE resident ADD COLUMN merged_into uuid CONSTRAINT fk_resident_merged_into REFERENCES resident (id)`,
    );
    await q.query(`ALTER TABLE source_record ADD COLUMN resident_id uuid`);
    // A department holds a person the hub's rules would not send it, or lacks one they would:
    // found at go-live, the hub keeps what the department holds until a worker decides.
    await q.query(`ALTER TABLE system_link ADD COLUMN disputed boolean NOT NULL DEFAULT false`);
    await q.query(
      `CREATE INDEX ix_source_record_resident ON source_record (resident_id) WHERE resident_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE source_household (
        id bigserial CONSTRAINT pk_source_household PRIMARY KEY,
        system text NOT NULL,
        record_id text NOT NULL,
        member_record_ids text[] NOT NULL DEFAULT '{}',
        head_record_id text,
        address jsonb,
        grid_code text,
        content_hash text NOT NULL,
        household_id uuid,
        imported_at timestamptz NOT NULL DEFAULT now(),
        seen_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_source_household UNIQUE (system, record_id)
      )`);
    await q.query(`CREATE TYPE finding_status AS ENUM ('open', 'confirmed', 'corrected', 'superseded')`);
    await q.query(`
      CREATE TABLE data_finding (
        id bigserial CONSTRAINT pk_data_finding PRIMARY KEY,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        community_code char(12) NOT NULL CONSTRAINT fk_data_finding_community REFERENCES community (code),
        field text NOT NULL,
        chosen_value text,
        chosen_source text,
        department_values jsonb NOT NULL,
        reason text NOT NULL,
        status finding_status NOT NULL DEFAULT 'open',
        corrected_value text,
        decided_by uuid,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_data_finding_field UNIQUE (subject_type, subject_id, field)
      )`);
    await q.query(
      `CREATE INDEX ix_data_finding_open ON data_finding (community_code, id) WHERE status = 'open'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS data_finding`);
    await q.query(`DROP TYPE IF EXISTS finding_status`);
    await q.query(`DROP TABLE IF EXISTS source_household`);
    await q.query(`DROP INDEX IF EXISTS ix_source_record_resident`);
    await q.query(`ALTER TABLE source_record DROP COLUMN IF EXISTS resident_id`);
    await q.query(`ALTER TABLE system_link DROP COLUMN IF EXISTS disputed`);
    await q.query(`ALTER TABLE resident DROP COLUMN IF EXISTS merged_into`);
    await q.query(`DROP INDEX IF EXISTS uq_resident_golden`);
    await q.query(`ALTER TABLE resident DROP COLUMN IF EXISTS golden_id`);
    await q.query(`UPDATE resident SET ethnicity = '97' WHERE ethnicity IS NULL`);
    await q.query(`ALTER TABLE resident ALTER COLUMN ethnicity SET NOT NULL`);
  }
}
