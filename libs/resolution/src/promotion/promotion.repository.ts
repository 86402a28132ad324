import type { DataSource, EntityManager } from 'typeorm';
import { toStaged } from '../source-record.repository';
import type { ClusterRecord } from './promoted-person';

export interface ExistingResident {
  id: string;
  idNumber: string | null;
  goldenId: string | null;
  goldenActive: boolean;
}

/** A golden record's staged records, and the resident already promoted from it (if any). */
export interface Cluster {
  goldenId: string;
  residentId: string | null;
  records: ClusterRecord[];
}

const MEMBER_STATE = `(to_jsonb(h) - 'field_sources') || jsonb_build_object('members', COALESCE(
  (SELECT jsonb_agg(jsonb_build_object('residentId', m.resident_id, 'relation', m.relation, 'joinedOn', m.joined_on)
                    ORDER BY m.id)
     FROM household_member m WHERE m.household_id = h.id AND m.left_on IS NULL), '[]'::jsonb))`;

/** The staged record's columns a promotion reads (`s` is source_record). */
const RECORD_COLUMNS = `s.id, s.system, s.record_id, s.id_number_raw, s.id_number, s.id_valid, s.name, s.gender,
  s.birth_date, s.phone, s.address, s.attributes, s.golden_id, s.imported_at, sr.resident_id`;
/**
 * A record promoted again into another resident is moved; one into the same is left alone. The
 * rows come `DISTINCT ON` the record: an upsert may not touch one row twice (an unnamed golden
 * record's ID number can be shared by two promoted people; the update this replaced picked one).
 */
const KEEP_PROMOTED_INTO = `ON CONFLICT (source_record_id) DO UPDATE SET resident_id = EXCLUDED.resident_id
   WHERE source_record_resident.resident_id IS DISTINCT FROM EXCLUDED.resident_id`;
/** The resident a staged record was promoted into, if it was (`sr`). */
const PROMOTED_INTO = `LEFT JOIN source_record_resident sr ON sr.source_record_id = s.id`;

/** One promotion at a time city-wide: two would both see the same golden records as new. */
const PROMOTION_LOCK = 7_302_400_010;

/** Reads of the resolved city for promotion, in golden-id order, a chunk at a time. */
export class PromotionReadRepository {
  constructor(private readonly db: DataSource) {}

  /** Runs `work` holding the city-wide promotion lock; `alone` is false if another run holds it. */
  async alone<T>(work: () => Promise<T>): Promise<{ alone: true; result: T } | { alone: false }> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [
        PROMOTION_LOCK,
      ])) as Array<{ locked: boolean }>;
      if (!locked) return { alone: false };
      try {
        return { alone: true, result: await work() };
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [PROMOTION_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  async activeGoldenCount(): Promise<number> {
    const [{ total }]: Array<{ total: number }> = await this.db.query(
      `SELECT count(*)::int AS total FROM golden_person WHERE status = 'active'`,
    );
    return total;
  }

  /**
   * The systems whose whole content was imported, with when: a person a roster lacks is then
   * known not to be on it. The first record per system by the index, not a scan of them all.
   */
  async rosters(): Promise<Map<string, string>> {
    const rows: Array<{ system: string; at: Date }> = await this.db.query(`
      WITH RECURSIVE systems AS (
        SELECT min(system) AS system FROM source_record
        UNION ALL
        SELECT (SELECT min(system) FROM source_record WHERE system > s.system) FROM systems s WHERE s.system IS NOT NULL)
      SELECT system, (SELECT max(imported_at) FROM source_record r WHERE r.system = s.system) AS at
        FROM systems s WHERE system IS NOT NULL`);
    return new Map(rows.map((r) => [r.system, new Date(r.at).toISOString()]));
  }

  /**
   * The next `limit` active golden records after `afterGoldenId` with their records, and the
   * golden id to continue after (null at the end). Each record is read once by its golden id's
   * index: the cost per chunk stays the same however large the city.
   */
  async clusters(
    afterGoldenId: string,
    limit: number,
  ): Promise<{ clusters: Cluster[]; next: string | null }> {
    const ids: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM golden_person WHERE status = 'active' AND id > $1 ORDER BY id LIMIT $2`,
      [afterGoldenId, limit],
    );
    if (ids.length === 0) return { clusters: [], next: null };
    // A golden record without a name (its records cut the name to a surname) is never promoted;
    // its records join the one named golden record of the same ID number: that person's records.
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `WITH chunk AS (SELECT unnest($1::uuid[]) AS cluster_id),
       unnamed AS (
         SELECT o.id AS golden_id, g.id AS cluster_id
           FROM chunk c JOIN golden_person g ON g.id = c.cluster_id
           JOIN golden_person o ON o.id_number = g.id_number AND o.status = 'active' AND o.name IS NULL
          WHERE g.name IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM golden_person x WHERE x.id_number = g.id_number AND x.status = 'active'
                   AND x.name IS NOT NULL AND x.id <> g.id)),
       members AS (
         SELECT s.golden_id AS cluster_id, ${RECORD_COLUMNS} FROM source_record s ${PROMOTED_INTO}
          WHERE s.golden_id = ANY($1::uuid[])
         UNION ALL
         SELECT u.cluster_id, ${RECORD_COLUMNS} FROM unnamed u JOIN source_record s ON s.golden_id = u.golden_id
           ${PROMOTED_INTO})
       SELECT m.*, r.id AS promoted_resident
         FROM members m LEFT JOIN resident r ON r.golden_id = m.cluster_id
        ORDER BY m.cluster_id, m.system, m.record_id`,
      [ids.map((x) => x.id)],
    );
    const clusters = new Map<string, Cluster>();
    for (const row of rows) {
      const goldenId = String(row.cluster_id);
      let cluster = clusters.get(goldenId);
      if (!cluster) {
        cluster = { goldenId, residentId: (row.promoted_resident as string | null) ?? null, records: [] };
        clusters.set(goldenId, cluster);
      }
      cluster.records.push({
        ...toStaged(row),
        importedAt: (row.imported_at as Date).toISOString(),
        residentId: (row.resident_id as string | null) ?? null,
      });
    }
    return { clusters: [...clusters.values()], next: ids[ids.length - 1].id };
  }

  /**
   * Residents a chunk's golden records may already be: by id (records promoted before, or an id
   * a new resident would take) or by ID number (someone registered at the hub since go-live);
   * with whether the golden record they were promoted from is still active.
   */
  async residents(ids: readonly string[], idNumbers: readonly string[]): Promise<ExistingResident[]> {
    const rows: Array<{
      id: string;
      id_number: string | null;
      golden_id: string | null;
      golden_active: boolean;
    }> = await this.db.query(
      `SELECT r.id, r.id_number, r.golden_id, COALESCE(g.status = 'active', false) AS golden_active
           FROM resident r LEFT JOIN golden_person g ON g.id = r.golden_id
          WHERE r.merged_into IS NULL AND (r.id = ANY($1::uuid[]) OR r.id_number = ANY($2::text[]))`,
      [ids, idNumbers],
    );
    return rows.map((r) => ({
      id: r.id,
      idNumber: r.id_number?.trim() ?? null,
      goldenId: r.golden_id,
      goldenActive: r.golden_active,
    }));
  }
}

export interface PromotionCounts {
  residents: number;
  households: number;
  memberships: number;
  addresses: number;
  links: number;
  householdLinks: number;
  findings: number;
  skipped: number;
}

/**
 * The unified record written from the staged persons and households, set-based, inside one
 * transaction: addresses, residents and their first version ("imported"), households, members,
 * the departments' links, the worklist and the review queue's communities.
 */
export class PromotionWriteRepository {
  constructor(private readonly tx: EntityManager) {}

  private async count(sql: string, params: unknown[] = []): Promise<number> {
    const rows: Array<{ n: number }> = await this.tx.query(
      `WITH done AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM done`,
      params,
    );
    return rows[0].n;
  }

  /**
   * The promotion's set statements join and sort the whole city: with the default 4 MB each
   * spills to disk in batches once the city outgrows it. The room is per statement step and fixed,
   * not the city's size.
   */
  async roomForSets(): Promise<void> {
    await this.tx.query(`SET LOCAL work_mem = '256MB'`);
  }

  /**
   * A community or grid cell the hub's geography does not know (a department's typo, a cell
   * drawn after the hub's map was loaded) places nobody: the person is placed by the estate.
   */
  async forgetUnknownPlaces(): Promise<void> {
    for (const table of ['promote_person', 'promote_household']) {
      await this.tx.query(`
        UPDATE ${table} t SET community_code = NULL
         WHERE community_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM community c WHERE c.code = t.community_code)`);
      await this.tx.query(`
        UPDATE ${table} t SET grid_code = NULL
         WHERE grid_code IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM grid_cell g WHERE g.code = t.grid_code AND g.community_code = t.community_code)`);
    }
  }

  /**
   * A member belongs to their household's community; where they live is their own current address
   * (the grid's, by the authority table: 人户分离 is common), the household's where none is stated.
   * People without a household (the dead, the moved-out) are placed by their own estate.
   */
  async placeByEstate(): Promise<void> {
    await this.forgetUnknownPlaces();
    await this.tx.query(`
      UPDATE promote_person p SET household_id = h.id, community_code = COALESCE(h.community_code, p.community_code),
             address_community = CASE WHEN p.estate IS NULL THEN h.community_code
                                      ELSE COALESCE(p.community_code, h.community_code) END,
             estate = COALESCE(p.estate, h.estate),
             building = CASE WHEN p.estate IS NULL THEN h.building ELSE p.building END,
             unit = CASE WHEN p.estate IS NULL THEN h.unit ELSE p.unit END,
             room = CASE WHEN p.estate IS NULL THEN h.room ELSE p.room END
        FROM promote_household h WHERE p.hh_key = h.key`);
    await this.tx.query(`
      WITH known AS (
        SELECT estate, community_code, count(*) AS n FROM address GROUP BY 1, 2),
      best AS (SELECT DISTINCT ON (estate) estate, community_code FROM known ORDER BY estate, n DESC, community_code)
      UPDATE promote_person p SET community_code = b.community_code FROM best b
       WHERE p.community_code IS NULL AND p.estate = b.estate`);
    await this.tx.query(
      `UPDATE promote_person SET address_community = community_code WHERE hh_key IS NULL OR address_community IS NULL`,
    );
  }

  async writeAddresses(): Promise<number> {
    const added = await this.count(`
      INSERT INTO address (community_code, grid_code, estate, building, unit, room)
      SELECT DISTINCT ON (community_code, estate, building, unit, room)
             community_code, grid_code, estate, building, unit, room
        FROM (SELECT community_code, grid_code, estate, COALESCE(building, '') AS building,
                     COALESCE(unit, '') AS unit, COALESCE(room, '') AS room, 0 AS rank
                FROM promote_household WHERE community_code IS NOT NULL AND estate IS NOT NULL
              UNION ALL
              SELECT address_community, grid_code, estate, COALESCE(building, ''), COALESCE(unit, ''),
                     COALESCE(room, ''), 1
                FROM promote_person WHERE address_community IS NOT NULL AND estate IS NOT NULL) x
       ORDER BY community_code, estate, building, unit, room, rank, grid_code
      ON CONFLICT (community_code, estate, building, unit, room) DO NOTHING`);
    await this.tx.query(`
      UPDATE promote_household h SET address_id = a.id FROM address a
       WHERE a.community_code = h.community_code AND a.estate = h.estate AND a.building = COALESCE(h.building, '')
         AND a.unit = COALESCE(h.unit, '') AND a.room = COALESCE(h.room, '')`);
    return added;
  }

  /**
   * A new resident needs a community. Two golden records stating one ID number (one waits in
   * review) cannot both keep it: the one with most department records does, the other is
   * stored without it and the number becomes a finding.
   */
  async settleResidents(): Promise<number> {
    await this.tx.query(`
      WITH twice AS (
        SELECT id_number FROM promote_person WHERE is_new AND id_number IS NOT NULL GROUP BY 1 HAVING count(*) > 1),
      ranked AS (
        SELECT x.golden_id, row_number() OVER (
                 PARTITION BY x.id_number
                 ORDER BY (SELECT count(*) FROM promote_link l WHERE l.golden_id = x.golden_id) DESC, x.golden_id) AS nth
          FROM promote_person x JOIN twice USING (id_number) WHERE x.is_new)
      UPDATE promote_person p SET id_number = NULL FROM ranked d WHERE p.golden_id = d.golden_id AND d.nth > 1`);
    await this.tx.query(`
      UPDATE promote_person p SET id_number = NULL FROM resident r
       WHERE p.is_new AND r.id_number = p.id_number AND r.id <> p.resident_id`);
    return this.count(`
      INSERT INTO promote_skipped (golden_id, reason)
      SELECT golden_id, 'no-community' FROM promote_person WHERE is_new AND community_code IS NULL`);
  }

  /** Residents promoted before (or registered at the hub) now known by this golden record. */
  async adopt(): Promise<void> {
    await this.tx.query(`
      UPDATE resident r SET golden_id = p.golden_id FROM promote_person p
       WHERE NOT p.is_new AND r.id = p.resident_id AND r.golden_id IS DISTINCT FROM p.golden_id`);
  }

  async skippedCount(): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.tx.query(
      `SELECT count(*)::int AS n FROM promote_skipped`,
    );
    return n;
  }

  /**
   * New residents and their first version in one statement: the version is made from the rows
   * the insert returns, not read back from the table just written.
   */
  async writeResidents(actor: string | null): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.tx.query(
      `WITH added AS (
         INSERT INTO resident (id, golden_id, id_number, name, name_pinyin, name_initials, gender, ethnicity, birth_date,
           registered_address, current_address_id, community_code, phone, marital_status, education, political_status,
           registration_type, life_status, residence_status, disability_type, disability_grade,
           disability_certificate_no, living_status, employment_status, pension_status, corrections_type,
           corrections_start, corrections_end, field_sources)
         SELECT p.resident_id, p.golden_id, p.id_number, p.name, p.name_pinyin, p.name_initials, p.gender,
           p.ethnicity, p.birth_date, p.registered_address, a.id, p.community_code, p.phone, p.marital_status,
           p.education, p.political_status, p.registration_type, p.life_status, p.residence_status,
           p.disability_type, p.disability_grade, p.disability_certificate_no, p.living_status,
           p.employment_status, p.pension_status, p.corrections_type, p.corrections_start, p.corrections_end,
           p.field_sources
           FROM promote_person p
           -- Where they live: the address written for their own estate (or their household's).
           LEFT JOIN address a ON a.community_code = p.address_community AND a.estate = p.estate
                AND a.building = COALESCE(p.building, '') AND a.unit = COALESCE(p.unit, '')
                AND a.room = COALESCE(p.room, '')
          WHERE p.is_new AND p.community_code IS NOT NULL
         RETURNING *),
       versions AS (
         INSERT INTO resident_version (resident_id, version, state, change_kind, source, changed_by)
         SELECT added.id, added.version, to_jsonb(added) - 'field_sources', 'resident.imported', 'import', $1
           FROM added
         RETURNING 1)
       SELECT count(*)::int AS n FROM versions`,
      [actor],
    );
    return n;
  }

  /** New households, their members (relations as the evidence states them) and first versions. */
  async writeHouseholds(actor: string | null): Promise<{ households: number; memberships: number }> {
    const households = await this.count(
      `INSERT INTO household (id, household_no, type, community_code, address_id, head_resident_id,
         assistance_type, assistance_amount, assistance_approved_on, field_sources)
       SELECT h.id, h.household_no, 'family', h.community_code, h.address_id, head.resident_id,
              (h.assistance->>'type')::assistance_type, (h.assistance->>'amount')::numeric,
              (h.assistance->>'approvedOn')::date,
              jsonb_build_object('householdNo', jsonb_build_object('source', 'police-population', 'at', now()),
                                 'members', jsonb_build_object('source', 'import', 'at', now()))
              || CASE WHEN h.assistance IS NULL THEN '{}'::jsonb ELSE jsonb_build_object(
                   'assistanceType', jsonb_build_object('source', 'civil-assistance', 'at', now())) END
         FROM promote_household h
         LEFT JOIN promote_person head ON head.golden_id = h.head_golden AND head.community_code IS NOT NULL
        WHERE h.address_id IS NOT NULL AND h.community_code IS NOT NULL
       ON CONFLICT DO NOTHING`,
    );
    const memberships = await this.count(`
      INSERT INTO household_member (household_id, resident_id, relation, joined_on)
      SELECT h.id, p.resident_id,
             CASE WHEN p.golden_id = h.head_golden THEN '02'
                  WHEN left(h.key, 1) = 'P' AND p.police_hh = h.household_no AND p.police_relation NOT IN ('01', '02')
                    THEN p.police_relation
                  WHEN p.civil_relation IS NOT NULL AND p.civil_relation NOT IN ('01', '02') THEN p.civil_relation
                  ELSE '80' END,
             current_date
        FROM promote_person p JOIN promote_household h ON h.key = p.hh_key
        JOIN household e ON e.id = h.id
       WHERE p.is_new AND p.community_code IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM household_member m WHERE m.resident_id = p.resident_id AND m.left_on IS NULL)`);
    // Households promoted before and joined by newcomers now: a new version with the members.
    await this.tx.query(
      `UPDATE household h SET version = version + 1, updated_at = now()
        WHERE h.id IN (SELECT h2.id FROM promote_household h2 JOIN promote_person p ON p.hh_key = h2.key
                        WHERE p.is_new AND p.community_code IS NOT NULL)
          AND EXISTS (SELECT 1 FROM household_version v WHERE v.household_id = h.id)`,
    );
    // The version rows read each household's members: planned against the members just written.
    await this.refreshStatistics(['household', 'household_member']);
    await this.tx.query(
      `INSERT INTO household_version (household_id, version, state, change_kind, source, changed_by)
       SELECT h.id, h.version, ${MEMBER_STATE}, 'household.imported', 'import', $1
         FROM household h JOIN promote_household p ON p.id = h.id
        WHERE NOT EXISTS (SELECT 1 FROM household_version v WHERE v.household_id = h.id AND v.version = h.version)`,
      [actor],
    );
    return { households, memberships };
  }

  /**
   * Each department record the hub will update, linked with the version the department now
   * holds: the next change is an update of that record, never a create.
   */
  async writeLinks(): Promise<{ links: number; householdLinks: number }> {
    const links = await this.count(`
      INSERT INTO system_link (system, subject_type, subject_id, external_id, delivered_version, present)
      SELECT l.system, 'resident', p.resident_id, l.external_id, r.version, l.present
        FROM promote_link l JOIN promote_person p USING (golden_id) JOIN resident r ON r.id = p.resident_id
      ON CONFLICT DO NOTHING`);
    const householdLinks = await this.count(`
      INSERT INTO system_link (system, subject_type, subject_id, external_id, delivered_version, present)
      SELECT DISTINCT ON (system, household_id) system, 'household', household_id, external_id, h.version, true
        FROM (SELECT 'civil-assistance' AS system, p.household_id, p.civil_no AS external_id, count(*) AS n
                FROM promote_person p WHERE p.civil_no IS NOT NULL AND p.household_id IS NOT NULL GROUP BY 1, 2, 3
              UNION ALL
              SELECT 'grid-governance', p.household_id, g.house_id, count(*)
                FROM promote_grid g JOIN promote_person p USING (golden_id)
               WHERE p.household_id IS NOT NULL GROUP BY 1, 2, 3) x
        JOIN household h ON h.id = x.household_id
       ORDER BY system, household_id, n DESC, external_id
      ON CONFLICT DO NOTHING`);
    await this.tx.query(`
      INSERT INTO source_record_resident (source_record_id, resident_id)
      SELECT DISTINCT ON (s.id) s.id, p.resident_id
        FROM promote_person p JOIN resident r ON r.id = p.resident_id JOIN source_record s ON s.golden_id = p.golden_id
       ORDER BY s.id, p.resident_id
      ${KEEP_PROMOTED_INTO}`);
    await this.tx.query(`
      UPDATE source_household s SET household_id = l.subject_id FROM system_link l
       WHERE l.system = s.system AND l.subject_type = 'household' AND l.external_id = s.record_id
         AND s.household_id IS DISTINCT FROM l.subject_id`);
    await this.markRecordsOfUnnamed();
    return { links, householdLinks };
  }

  /** The records of a golden record without a name went with the named one of its ID number. */
  private async markRecordsOfUnnamed(): Promise<void> {
    await this.tx.query(`
      INSERT INTO source_record_resident (source_record_id, resident_id)
      SELECT DISTINCT ON (s.id) s.id, p.resident_id
        FROM promote_skipped k JOIN golden_person o ON o.id = k.golden_id
        JOIN promote_person p ON p.id_number = o.id_number JOIN resident r ON r.id = p.resident_id
        JOIN source_record s ON s.golden_id = k.golden_id
       ORDER BY s.id, p.resident_id
      ${KEEP_PROMOTED_INTO}`);
  }

  async writeFindings(): Promise<number> {
    return this.count(`
      INSERT INTO data_finding (subject_type, subject_id, community_code, field, chosen_value, chosen_source,
                                department_values, reason)
      SELECT 'resident', p.resident_id, r.community_code, f.field, f.chosen_value, f.chosen_source,
             f.department_values, f.reason
        FROM promote_finding f JOIN promote_person p USING (golden_id) JOIN resident r ON r.id = p.resident_id
      ON CONFLICT (subject_type, subject_id, field) DO NOTHING`);
  }

  /**
   * Review pairs are decided where the person lives: the community of either record's resident,
   * else the one either record states.
   */
  async placeReviews(): Promise<void> {
    await this.tx.query(`
      UPDATE match_review m SET community_code = placed.code
        FROM (SELECT m2.id, COALESCE(ra.community_code, rb.community_code, a.community_code, b.community_code) AS code
                FROM match_review m2
                JOIN source_record a ON a.id = m2.a_record JOIN source_record b ON b.id = m2.b_record
                LEFT JOIN source_record_resident sa ON sa.source_record_id = a.id
                LEFT JOIN source_record_resident sb ON sb.source_record_id = b.id
                LEFT JOIN resident ra ON ra.id = sa.resident_id LEFT JOIN resident rb ON rb.id = sb.resident_id
               WHERE m2.status = 'pending') placed
       WHERE m.id = placed.id AND placed.code IS NOT NULL AND m.community_code IS DISTINCT FROM placed.code
         AND EXISTS (SELECT 1 FROM community c WHERE c.code = placed.code)`);
  }

  /**
   * After a bulk write the planner's row counts are those of the empty tables: a reader would
   * scan a whole index per row (the snapshot's spouse lookup did, 2.7 ms a resident). Sampled, so
   * cheap at any size.
   */
  async refreshStatistics(tables: readonly string[]): Promise<void> {
    await this.tx.query(`ANALYZE ${tables.join(', ')}`);
  }

  async audit(actor: string | null, counts: PromotionCounts): Promise<void> {
    await this.tx.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, after)
       VALUES ($1, (SELECT role FROM app_user WHERE id = $1), 'record.promoted', $2)`,
      [actor, JSON.stringify(counts)],
    );
  }
}
