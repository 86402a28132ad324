import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

/**
 * Where the worker's pollers read each department's change feed from (`connector_state.inbound_cursor`),
 * as the import sets it: only for a system whose feed was never followed.
 */
export class FeedCursorRepository {
  constructor(private readonly db: Db) {}

  /** The cursor the worker keeps for the system's feed; null when it keeps none. */
  async inboundCursor(system: string): Promise<string | null> {
    const held: Array<{ inbound_cursor: string | null }> = await this.db.query(
      `SELECT inbound_cursor FROM connector_state WHERE system = $1`,
      [system],
    );
    return held[0]?.inbound_cursor ?? null;
  }

  /** Sets the cursor unless one is already kept (a poller may have set one meanwhile). */
  async startAt(system: string, cursor: string): Promise<void> {
    await this.db.query(
      `INSERT INTO connector_state (system, inbound_cursor) VALUES ($1, $2)
         ON CONFLICT (system) DO UPDATE SET inbound_cursor = EXCLUDED.inbound_cursor, updated_at = now()
          WHERE connector_state.inbound_cursor IS NULL`,
      [system, cursor],
    );
  }
}
