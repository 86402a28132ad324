import type { DataSource, EntityManager } from 'typeorm';
import { scopeCondition, type Actor } from '@hub/record';

type Db = DataSource | EntityManager;

/** A community with its street, district and grid cells, as the entry form lists it. */
export type CommunityEntry = {
  code: string;
  name: string;
  streetCode: string;
  streetName: string;
  districtCode: string;
  districtName: string;
  grids: Array<{ code: string; name: string }>;
};

/** The administrative divisions (district, street, community, grid cell) and the database's liveness. */
export class ReferenceRepository {
  constructor(private readonly db: Db) {}

  /** Fails when the database does not answer. */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  /** The communities the actor may work in, by code, with their grid cells. */
  communities(actor: Actor): Promise<CommunityEntry[]> {
    const params: unknown[] = [];
    return this.db.query(
      `SELECT c.code, c.name, s.code AS "streetCode", s.name AS "streetName", d.code AS "districtCode", d.name AS "districtName",
              COALESCE((SELECT json_agg(json_build_object('code', g.code, 'name', g.name) ORDER BY g.code)
                          FROM grid_cell g WHERE g.community_code = c.code), '[]') AS grids
         FROM community c JOIN street s ON s.code = c.street_code JOIN district d ON d.code = s.district_code
        WHERE ${scopeCondition(actor, 'c.code', params)} ORDER BY c.code`,
      params,
    );
  }
}
