import type { DataSource } from 'typeorm';
import { COMMUNITIES, DISTRICTS, gridCellsFor, STREETS } from './geography';

/** Inserts rows in chunks of multi-row statements; existing rows are left as they are. */
async function insertAll(
  db: DataSource,
  table: string,
  columns: string[],
  rows: unknown[][],
  chunk = 500,
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const params: unknown[] = [];
    const tuples = part.map((row) => {
      const marks = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${marks.join(', ')})`;
    });
    await db.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`,
      params,
    );
  }
}

/** The city's six districts, their streets and towns, 859 communities and their grid cells. */
export async function seedGeography(db: DataSource, gridsPerCommunity = 6): Promise<{ communities: number }> {
  await insertAll(
    db,
    'district',
    ['code', 'name'],
    DISTRICTS.map((d) => [d.code, d.name]),
  );
  await insertAll(
    db,
    'street',
    ['code', 'district_code', 'name', 'kind'],
    STREETS.map((s) => [s.code, s.districtCode, s.name, s.kind]),
  );
  await insertAll(
    db,
    'community',
    ['code', 'street_code', 'name', 'kind'],
    COMMUNITIES.map((c) => [c.code, c.streetCode, c.name, c.kind]),
  );
  const grids = COMMUNITIES.flatMap((c) => gridCellsFor(c.code, gridsPerCommunity));
  await insertAll(
    db,
    'grid_cell',
    ['code', 'community_code', 'name'],
    grids.map((g) => [g.code, g.communityCode, g.name]),
  );
  return { communities: COMMUNITIES.length };
}
