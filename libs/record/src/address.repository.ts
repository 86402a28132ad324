import type { DataSource, EntityManager } from 'typeorm';
import type { AddressInput } from './inputs';

type Db = DataSource | EntityManager;

/** The statement that finds or creates an address (RETURNING id); parameters go to `params`. */
export function addressUpsertSql(params: unknown[], communityCode: string, address: AddressInput): string {
  params.push(
    communityCode,
    address.gridCode ?? null,
    address.estate,
    address.building,
    address.unit ?? '',
    address.room,
  );
  const n = params.length;
  return `INSERT INTO address (community_code, grid_code, estate, building, unit, room)
     VALUES ($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})
     ON CONFLICT (community_code, estate, building, unit, room)
       DO UPDATE SET grid_code = COALESCE(EXCLUDED.grid_code, address.grid_code)
     RETURNING id`;
}

/** Where people live: addresses, and the communities and grid cells they belong to. */
export class AddressRepository {
  constructor(private readonly db: Db) {}

  /** Finds or creates the address in the community; returns its id. */
  async upsert(communityCode: string, address: AddressInput): Promise<string> {
    const params: unknown[] = [];
    const rows: Array<{ id: string }> = await this.db.query(
      addressUpsertSql(params, communityCode, address),
      params,
    );
    return rows[0].id;
  }

  /** Whether the grid cell exists and belongs to the community. */
  async gridCellExists(gridCode: string, communityCode: string): Promise<boolean> {
    const cells: unknown[] = await this.db.query(
      `SELECT 1 FROM grid_cell WHERE code = $1 AND community_code = $2`,
      [gridCode, communityCode],
    );
    return cells.length > 0;
  }

  /**
   * Whether the community exists; with `streetCode` given (a street supervisor's, possibly
   * null), only within that street.
   */
  async communityExists(code: string, streetCode?: string | null): Promise<boolean> {
    const params: unknown[] = [code];
    const street = streetCode !== undefined ? ' AND street_code = $2' : '';
    if (street) params.push(streetCode);
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM community WHERE code = $1${street}`, params);
    return rows.length > 0;
  }
}
