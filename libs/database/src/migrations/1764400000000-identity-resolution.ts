import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import and de-duplication: every department's records as staged source records, the golden
 * records they resolve into, the review queue and the people's decisions (kept by source keys,
 * so they survive re-imports).
 */
export class IdentityResolution1764400000000 implements MigrationInterface {
  name = 'IdentityResolution1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE golden_person (
        id uuid CONSTRAINT pk_golden_person PRIMARY KEY,
        id_number text,
        name text,
        gender text,
        birth_date text,
        phone text,
        address jsonb,
        attributes jsonb NOT NULL DEFAULT '{}',
        community_code text,
        status text NOT NULL DEFAULT 'active' CONSTRAINT ck_golden_status CHECK (status IN ('active', 'retired')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_golden_person_id_number ON golden_person (id_number) WHERE status = 'active'`,
    );
    // The possible-duplicate check at entry looks golden records up by these keys.
    await q.query(
      `CREATE INDEX ix_golden_person_id_prefix ON golden_person (left(id_number, 14)) WHERE status = 'active'`,
    );
    await q.query(`CREATE INDEX ix_golden_person_phone ON golden_person (phone) WHERE status = 'active'`);
    await q.query(
      `CREATE INDEX ix_golden_person_birth ON golden_person (birth_date) WHERE status = 'active'`,
    );
    await q.query(
      `CREATE INDEX ix_golden_person_community ON golden_person (community_code) WHERE status = 'active'`,
    );
    await q.query(`
      CREATE TABLE source_record (
        id bigserial CONSTRAINT pk_source_record PRIMARY KEY,
        system text NOT NULL,
        record_id text NOT NULL,
        id_number_raw text,
        id_number text,
        id_valid boolean NOT NULL DEFAULT false,
        name text,
        gender text,
        birth_date text,
        phone text,
        address jsonb,
        attributes jsonb NOT NULL DEFAULT '{}',
        community_code text,
        content_hash text NOT NULL,
        golden_id uuid CONSTRAINT fk_source_record_golden REFERENCES golden_person (id),
        imported_at timestamptz NOT NULL DEFAULT now(),
        seen_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_source_record UNIQUE (system, record_id)
      )`);
    await q.query(`CREATE INDEX ix_source_record_golden ON source_record (golden_id)`);
    await q.query(`
      CREATE TABLE match_review (
        id bigserial CONSTRAINT pk_match_review PRIMARY KEY,
        a_record bigint NOT NULL CONSTRAINT fk_match_review_a REFERENCES source_record (id) ON DELETE CASCADE,
        b_record bigint NOT NULL CONSTRAINT fk_match_review_b REFERENCES source_record (id) ON DELETE CASCADE,
        score double precision NOT NULL,
        evidence jsonb NOT NULL,
        community_code text,
        status text NOT NULL DEFAULT 'pending'
          CONSTRAINT ck_match_review_status CHECK (status IN ('pending', 'merged', 'kept_apart', 'superseded')),
        decided_by text,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_match_review_pair UNIQUE (a_record, b_record),
        CONSTRAINT ck_match_review_order CHECK (a_record < b_record)
      )`);
    await q.query(
      `CREATE INDEX ix_match_review_pending ON match_review (community_code, score DESC) WHERE status = 'pending'`,
    );
    // Decisions name source records by (system, record id): ids of staged rows may change on re-import.
    await q.query(`
      CREATE TABLE match_decision (
        id bigserial CONSTRAINT pk_match_decision PRIMARY KEY,
        kind text NOT NULL CONSTRAINT ck_match_decision_kind CHECK (kind IN ('merge', 'keep_apart')),
        a_system text NOT NULL,
        a_record_id text NOT NULL,
        b_system text NOT NULL,
        b_record_id text NOT NULL,
        decided_by text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE golden_history (
        id bigserial CONSTRAINT pk_golden_history PRIMARY KEY,
        golden_id uuid NOT NULL,
        action text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_golden_history_golden ON golden_history (golden_id, id)`);
    await q.query(`
      CREATE TABLE match_model (
        id bigserial CONSTRAINT pk_match_model PRIMARY KEY,
        params jsonb NOT NULL,
        fitted_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'match_model',
      'golden_history',
      'match_decision',
      'match_review',
      'source_record',
      'golden_person',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
