import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

/** What the hub keeps per department system (`connector_state`): its feed cursor, its pause. */
export class ConnectorStateRepository {
  constructor(private readonly db: Db) {}

  /** Where the system's change feed was last read up to; null before the first page. */
  async inboundCursor(system: string): Promise<string | null> {
    const rows = await this.db.query<Array<{ inbound_cursor: string | null }>>(
      `SELECT inbound_cursor FROM connector_state WHERE system = $1`,
      [system],
    );
    return rows[0]?.inbound_cursor ?? null;
  }

  async saveInboundCursor(system: string, cursor: string): Promise<void> {
    await this.db.query(
      `INSERT INTO connector_state (system, inbound_cursor) VALUES ($1, $2)
       ON CONFLICT (system) DO UPDATE SET inbound_cursor = EXCLUDED.inbound_cursor, updated_at = now()`,
      [system, cursor],
    );
  }

  /** The systems an operator has paused. */
  async pausedSystems(): Promise<string[]> {
    const rows: Array<{ system: string }> = await this.db.query(
      `SELECT system FROM connector_state WHERE paused`,
    );
    return rows.map((r) => r.system);
  }

  /** Keeps the system's paused flag (a system without a row yet gets one). */
  async setPaused(system: string, paused: boolean): Promise<void> {
    await this.db.query(
      `INSERT INTO connector_state (system, paused) VALUES ($1, $2)
       ON CONFLICT (system) DO UPDATE SET paused = EXCLUDED.paused, updated_at = now()`,
      [system, paused],
    );
  }
}
