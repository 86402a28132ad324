import type { EntityManager } from 'typeorm';

/** Only people alive and present get a household. */
const LIVES_HERE = `life_status = 'alive' AND residence_status = 'present'`;
const P_LIVES_HERE = `p.life_status = 'alive' AND p.residence_status = 'present'`;

/**
 * Rebuilds households from the departments' evidence, set-based over the staged persons:
 * the police 户号 first; a person without one joins the household most of their 低保 document's
 * members have, else that document forms one; then the same with the grid platform's houses;
 * anyone left lives alone.
 */
export class HouseholdAssemblyRepository {
  constructor(private readonly tx: EntityManager) {}

  /** The police 户号 keys are staged with the persons (`policeHouseholdKey`); then the groups. */
  async assignKeys(): Promise<void> {
    await this.joinGroups(
      `SELECT civil_no AS grp, golden_id FROM promote_person WHERE civil_no IS NOT NULL`,
      'C',
    );
    await this.tx.query(`
      CREATE UNLOGGED TABLE promote_grid AS
      SELECT DISTINCT ON (h.record_id, s.golden_id) h.record_id AS house_id, s.golden_id,
             h.head_record_id = s.record_id AS is_head, h.grid_code, h.address
        FROM source_household h
        CROSS JOIN LATERAL unnest(h.member_record_ids) AS m(record_id)
        JOIN source_record s ON s.system = h.system AND s.record_id = m.record_id
        JOIN promote_person p ON p.golden_id = s.golden_id
       WHERE h.system = 'grid-governance'
       ORDER BY h.record_id, s.golden_id, (h.head_record_id = s.record_id) DESC`);
    await this.tx.query(`CREATE INDEX ON promote_grid (golden_id); ANALYZE promote_grid`);
    await this.joinGroups(`SELECT house_id AS grp, golden_id FROM promote_grid`, 'G');
    await this.tx.query(
      `UPDATE promote_person SET hh_key = 'S' || golden_id WHERE hh_key IS NULL AND ${LIVES_HERE}`,
    );
  }

  /**
   * People of a group (a 低保 document, a grid house) who have no household yet join the one
   * most of the group's members have; a group none of whose members has one becomes one.
   */
  private async joinGroups(groups: string, prefix: string): Promise<void> {
    await this.tx.query(`
      WITH grp AS (${groups}),
      keyed AS (
        SELECT g.grp, p.hh_key, count(*) AS n FROM grp g JOIN promote_person p USING (golden_id)
         WHERE p.hh_key IS NOT NULL GROUP BY 1, 2),
      best AS (SELECT DISTINCT ON (grp) grp, hh_key FROM keyed ORDER BY grp, n DESC, hh_key),
      chosen AS (
        SELECT DISTINCT ON (g.golden_id) g.golden_id, COALESCE(b.hh_key, '${prefix}' || g.grp) AS hh_key
          FROM grp g LEFT JOIN best b USING (grp) ORDER BY g.golden_id, b.hh_key IS NULL, g.grp)
      UPDATE promote_person p SET hh_key = c.hh_key FROM chosen c
       WHERE p.golden_id = c.golden_id AND p.hh_key IS NULL AND ${P_LIVES_HERE}`);
  }

  /**
   * One row per household key: its id (an existing household with that 户号, else one derived
   * from the key, so a second promotion finds the same household), community and grid cell by
   * its members' majority, the head (police or 低保 户主, else the grid house's head), the head's
   * flat (else the one most members state, else the grid house's), 低保 from an active document.
   */
  async build(): Promise<void> {
    await this.tx.query(`
      CREATE UNLOGGED TABLE promote_household AS
      WITH members AS (
        SELECT p.*, COALESCE(g.is_head, false) AS grid_head,
               (p.police_relation IN ('01', '02') AND left(p.hh_key, 1) = 'P')
                 OR (p.civil_relation = '02' AND left(p.hh_key, 1) = 'C') AS stated_head,
               g.grid_code AS house_grid
          FROM promote_person p
          LEFT JOIN promote_grid g ON g.golden_id = p.golden_id AND 'G' || g.house_id = p.hh_key
         WHERE p.hh_key IS NOT NULL)
      SELECT hh_key AS key,
             CASE WHEN left(hh_key, 1) = 'P' THEN substr(hh_key, 2) END AS household_no,
             mode() WITHIN GROUP (ORDER BY community_code) AS community_code,
             COALESCE(mode() WITHIN GROUP (ORDER BY grid_code), mode() WITHIN GROUP (ORDER BY house_grid)) AS grid_code,
             (array_agg(golden_id ORDER BY stated_head DESC, grid_head DESC, golden_id)
                FILTER (WHERE stated_head OR grid_head))[1] AS head_golden,
             (array_agg(jsonb_build_array(estate, building, unit, room) ORDER BY stated_head DESC, grid_head DESC)
                FILTER (WHERE estate IS NOT NULL AND (stated_head OR grid_head)))[1] AS head_flat,
             mode() WITHIN GROUP (ORDER BY jsonb_build_array(estate, building, unit, room))
               FILTER (WHERE estate IS NOT NULL) AS common_flat,
             mode() WITHIN GROUP (ORDER BY assistance::text)::jsonb AS assistance
        FROM members GROUP BY hh_key`);
    await this.tx.query(`
      ALTER TABLE promote_household ADD COLUMN id uuid, ADD COLUMN estate text, ADD COLUMN building text,
        ADD COLUMN unit text, ADD COLUMN room text, ADD COLUMN address_id uuid;
      UPDATE promote_household h SET
        id = COALESCE((SELECT e.id FROM household e WHERE e.household_no = h.household_no),
                      md5('household:' || h.key)::uuid),
        estate = COALESCE(h.head_flat, h.common_flat)->>0, building = COALESCE(h.head_flat, h.common_flat)->>1,
        unit = COALESCE(h.head_flat, h.common_flat)->>2, room = COALESCE(h.head_flat, h.common_flat)->>3;
      CREATE UNIQUE INDEX ON promote_household (key);
      ANALYZE promote_household`);
    await this.tx.query(`
      WITH known AS (
        SELECT estate, community_code, count(*) AS n FROM (
          SELECT estate, community_code FROM promote_household WHERE community_code IS NOT NULL
          UNION ALL SELECT estate, community_code FROM address) x
         WHERE estate IS NOT NULL GROUP BY 1, 2),
      best AS (SELECT DISTINCT ON (estate) estate, community_code FROM known ORDER BY estate, n DESC, community_code)
      UPDATE promote_household h SET community_code = b.community_code FROM best b
       WHERE h.community_code IS NULL AND h.estate = b.estate`);
  }
}
