import type { Model } from '@hub/matching';
import type { DataSource } from 'typeorm';

/** The model the last full resolution fitted; undefined until one has run. */
export async function latestModel(db: DataSource): Promise<Model | undefined> {
  const rows: Array<{ params: Model }> = await db.query(
    `SELECT params FROM match_model ORDER BY id DESC LIMIT 1`,
  );
  return rows[0]?.params;
}
