import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from './sql';

type Db = DataSource | EntityManager;

/**
 * The one way a subject's row (resident or household) changes: the given columns, a version step
 * and the provenance of the fields set, in one statement. Returns the new version. Both subject
 * tables carry `version`, `updated_at` and `field_sources` alike, so the statement is written once.
 */
export async function updateSubject(
  db: Db,
  table: 'resident' | 'household',
  id: string,
  values: Readonly<Record<string, unknown>>,
  fieldSources: string,
): Promise<number> {
  const params: unknown[] = [id];
  const sets = Object.entries(values).map(([column, value]) => {
    params.push(value);
    return `${column} = $${params.length}, `;
  });
  params.push(fieldSources);
  const [updated] = returnedRows<{ version: number }>(
    await db.query(
      `UPDATE ${table} SET ${sets.join('')}version = version + 1, updated_at = now(),
           field_sources = field_sources || $${params.length}::jsonb
         WHERE id = $1 RETURNING version`,
      params,
    ),
  );
  return Number(updated.version);
}
