import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The unified record: geography, addresses, households, residents, versions, audit, outbox, users. */
export class UnifiedRecord1764200000000 implements MigrationInterface {
  name = 'UnifiedRecord1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE TYPE street_kind AS ENUM ('street', 'town')`);
    await q.query(`CREATE TYPE community_kind AS ENUM ('neighbourhood', 'village')`);
    await q.query(`CREATE TYPE household_type AS ENUM ('family', 'collective')`);
    await q.query(`CREATE TYPE household_status AS ENUM ('active', 'dissolved')`);
    await q.query(`CREATE TYPE registration_type AS ENUM ('registered', 'floating', 'overseas')`);
    await q.query(`CREATE TYPE life_status AS ENUM ('alive', 'deceased')`);
    await q.query(`CREATE TYPE residence_status AS ENUM ('present', 'moved_out')`);
    await q.query(
      `CREATE TYPE living_status AS ENUM ('alone', 'with_spouse', 'with_children', 'institution', 'other')`,
    );
    await q.query(
      `CREATE TYPE pension_status AS ENUM ('none', 'paying', 'suspended', 'terminated', 'receiving', 'employee')`,
    );
    await q.query(`CREATE TYPE assistance_type AS ENUM ('dibao', 'dibao_edge', 'tekun')`);
    await q.query(
      `CREATE TYPE user_role AS ENUM ('community_worker', 'street_supervisor', 'it_operator', 'admin')`,
    );

    await q.query(`
      CREATE TABLE district (
        code char(6) CONSTRAINT pk_district PRIMARY KEY,
        name text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE street (
        code char(9) CONSTRAINT pk_street PRIMARY KEY,
        district_code char(6) NOT NULL CONSTRAINT fk_street_district REFERENCES district(code),
        name text NOT NULL,
        kind street_kind NOT NULL
      )`);
    await q.query(`
      CREATE TABLE community (
        code char(12) CONSTRAINT pk_community PRIMARY KEY,
        street_code char(9) NOT NULL CONSTRAINT fk_community_street REFERENCES street(code),
        name text NOT NULL,
        kind community_kind NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_community_street ON community (street_code)`);
    await q.query(`
      CREATE TABLE grid_cell (
        code char(15) CONSTRAINT pk_grid_cell PRIMARY KEY,
        community_code char(12) NOT NULL CONSTRAINT fk_grid_cell_community REFERENCES community(code),
        name text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE address (
        id uuid CONSTRAINT pk_address PRIMARY KEY DEFAULT gen_random_uuid(),
        community_code char(12) NOT NULL CONSTRAINT fk_address_community REFERENCES community(code),
        grid_code char(15) CONSTRAINT fk_address_grid_cell REFERENCES grid_cell(code),
        estate text NOT NULL,
        building text NOT NULL,
        unit text NOT NULL DEFAULT '',
        room text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_address_place ON address (community_code, estate, building, unit, room)`,
    );

    await q.query(`
      CREATE TABLE household (
        id uuid CONSTRAINT pk_household PRIMARY KEY DEFAULT gen_random_uuid(),
        household_no char(9),
        type household_type NOT NULL,
        status household_status NOT NULL DEFAULT 'active',
        community_code char(12) NOT NULL CONSTRAINT fk_household_community REFERENCES community(code),
        address_id uuid NOT NULL CONSTRAINT fk_household_address REFERENCES address(id),
        head_resident_id uuid,
        assistance_type assistance_type,
        assistance_amount numeric(10, 2),
        assistance_approved_on date,
        version integer NOT NULL DEFAULT 1,
        field_sources jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_household_assistance CHECK ((assistance_type IS NULL) = (assistance_amount IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_household_no ON household (household_no) WHERE household_no IS NOT NULL`,
    );
    await q.query(`CREATE INDEX ix_household_community ON household (community_code)`);

    await q.query(`
      CREATE TABLE resident (
        id uuid CONSTRAINT pk_resident PRIMARY KEY DEFAULT gen_random_uuid(),
        id_number char(18),
        name text NOT NULL,
        name_pinyin text NOT NULL,
        name_initials text NOT NULL,
        gender char(1) NOT NULL,
        ethnicity char(2) NOT NULL,
        birth_date date NOT NULL,
        registered_address text,
        current_address_id uuid CONSTRAINT fk_resident_address REFERENCES address(id),
        community_code char(12) NOT NULL CONSTRAINT fk_resident_community REFERENCES community(code),
        phone text,
        marital_status char(2),
        education char(2),
        political_status char(2),
        registration_type registration_type NOT NULL,
        life_status life_status NOT NULL DEFAULT 'alive',
        death_date date,
        residence_status residence_status NOT NULL DEFAULT 'present',
        moved_out_on date,
        disability_type char(1),
        disability_grade char(1),
        disability_certificate_no varchar(20),
        living_status living_status,
        employment_status char(1),
        pension_status pension_status,
        corrections_type char(1),
        corrections_start date,
        corrections_end date,
        version integer NOT NULL DEFAULT 1,
        field_sources jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_resident_disability CHECK ((disability_type IS NULL) = (disability_grade IS NULL)),
        CONSTRAINT ck_resident_corrections CHECK ((corrections_type IS NULL) = (corrections_start IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_resident_id_number ON resident (id_number) WHERE id_number IS NOT NULL`,
    );
    await q.query(`CREATE INDEX ix_resident_community ON resident (community_code)`);
    await q.query(`CREATE INDEX ix_resident_name_trgm ON resident USING gin (name gin_trgm_ops)`);
    await q.query(
      `CREATE INDEX ix_resident_initials ON resident (community_code, name_initials text_pattern_ops)`,
    );
    await q.query(
      `CREATE INDEX ix_resident_pinyin ON resident (community_code, name_pinyin text_pattern_ops)`,
    );
    await q.query(`
      ALTER TABLE household ADD CONSTRAINT fk_household_head
        FOREIGN KEY (head_resident_id) REFERENCES resident(id) DEFERRABLE INITIALLY DEFERRED`);

    await q.query(`
      CREATE TABLE household_member (
        id bigserial CONSTRAINT pk_household_member PRIMARY KEY,
        household_id uuid NOT NULL CONSTRAINT fk_member_household REFERENCES household(id),
        resident_id uuid NOT NULL CONSTRAINT fk_member_resident REFERENCES resident(id),
        relation char(2) NOT NULL,
        joined_on date NOT NULL,
        left_on date,
        left_reason text
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_member_current ON household_member (resident_id) WHERE left_on IS NULL`,
    );
    await q.query(`CREATE INDEX ix_member_household ON household_member (household_id)`);

    await q.query(`
      CREATE TABLE resident_version (
        resident_id uuid NOT NULL CONSTRAINT fk_resident_version_resident REFERENCES resident(id),
        version integer NOT NULL,
        state jsonb NOT NULL,
        change_kind text NOT NULL,
        source text NOT NULL,
        event_id bigint,
        changed_by uuid,
        changed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_resident_version PRIMARY KEY (resident_id, version)
      )`);
    await q.query(`
      CREATE TABLE household_version (
        household_id uuid NOT NULL CONSTRAINT fk_household_version_household REFERENCES household(id),
        version integer NOT NULL,
        state jsonb NOT NULL,
        change_kind text NOT NULL,
        source text NOT NULL,
        event_id bigint,
        changed_by uuid,
        changed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_household_version PRIMARY KEY (household_id, version)
      )`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid CONSTRAINT pk_app_user PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CONSTRAINT uq_app_user_username UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role user_role NOT NULL,
        community_code char(12) CONSTRAINT fk_app_user_community REFERENCES community(code),
        street_code char(9) CONSTRAINT fk_app_user_street REFERENCES street(code),
        permissions text[] NOT NULL DEFAULT '{}',
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_app_user_worker_scope CHECK (role <> 'community_worker' OR community_code IS NOT NULL),
        CONSTRAINT ck_app_user_supervisor_scope CHECK (role <> 'street_supervisor' OR street_code IS NOT NULL)
      )`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigserial CONSTRAINT pk_audit_log PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_role user_role,
        action text NOT NULL,
        subject_type text,
        subject_id uuid,
        community_code char(12),
        before jsonb,
        after jsonb,
        correlation_id text
      )`);
    await q.query(`CREATE INDEX ix_audit_subject ON audit_log (subject_id)`);

    await q.query(`
      CREATE TABLE outbox_event (
        id bigserial CONSTRAINT pk_outbox_event PRIMARY KEY,
        kind text NOT NULL,
        source text NOT NULL,
        subjects jsonb NOT NULL,
        actor_id uuid,
        correlation_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        dispatch_count integer NOT NULL DEFAULT 0,
        confirmed_at timestamptz,
        confirm_count integer NOT NULL DEFAULT 0
      )`);
    // The relay scans what is not yet dispatched rather than a high-water mark, so an event that
    // commits after a higher id was already relayed is still found.
    await q.query(`CREATE INDEX ix_outbox_undispatched ON outbox_event (id) WHERE dispatched_at IS NULL`);
    await q.query(`CREATE INDEX ix_outbox_unconfirmed ON outbox_event (id) WHERE confirmed_at IS NULL`);
    await q.query(`
      CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_event', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_outbox_notify AFTER INSERT ON outbox_event
        FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS trg_outbox_notify ON outbox_event`);
    await q.query(`DROP FUNCTION IF EXISTS notify_outbox()`);
    for (const table of [
      'outbox_event',
      'audit_log',
      'app_user',
      'household_version',
      'resident_version',
      'household_member',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`ALTER TABLE household DROP CONSTRAINT IF EXISTS fk_household_head`);
    for (const table of [
      'resident',
      'household',
      'address',
      'grid_cell',
      'community',
      'street',
      'district',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    for (const type of [
      'user_role',
      'assistance_type',
      'pension_status',
      'living_status',
      'residence_status',
      'life_status',
      'registration_type',
      'household_status',
      'household_type',
      'community_kind',
      'street_kind',
    ]) {
      await q.query(`DROP TYPE IF EXISTS ${type}`);
    }
  }
}
