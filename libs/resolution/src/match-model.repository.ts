import type { Model } from '@hub/matching';
import type { DataSource, EntityManager } from 'typeorm';

/** The models full resolutions fitted (table `match_model`), the newest last. */
export class MatchModelRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The model the last full resolution fitted; undefined until one has run. */
  async latest(): Promise<Model | undefined> {
    const rows: Array<{ params: Model }> = await this.db.query(
      `SELECT params FROM match_model ORDER BY id DESC LIMIT 1`,
    );
    return rows[0]?.params;
  }

  /** Keeps the model a full resolution just fitted (the newest from then on). */
  async save(model: Model): Promise<void> {
    await this.db.query(`INSERT INTO match_model (params) VALUES ($1)`, [JSON.stringify(model)]);
  }
}
