import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

// Deliveries that happened: a department's own change ('origin') and rows that never concerned
// the system are not deliveries. `status <> 'not_relevant'` also lets PostgreSQL use ix_delivery_recent.
const IS_DELIVERY = `status <> 'not_relevant' AND action IS DISTINCT FROM 'origin'`;
const DELIVERED = `system = ANY($1) AND ${IS_DELIVERY}`;
const P95 = `percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM updated_at - created_at) * 1000)`;

/** One system's outcomes in one time bucket; p95 in milliseconds (PostgreSQL's double, unrounded). */
export interface BucketOutcomes {
  system: string;
  bucket: Date;
  confirmed: number;
  failed: number;
  p95: number | null;
}

/** One system's figures of the last hour (see `lastHour`). */
export interface HourFigures {
  system: string;
  lastMinute: number;
  p95: number | null;
  confirmed: number;
  failed: number;
}

/** What the ledger (`delivery`) says about each system's recent work: outcomes and latency. */
export class ConnectorMetricsRepository {
  constructor(private readonly db: Db) {}

  /**
   * Per system and bucket of `bucketSeconds` (aligned on `since`), confirmations and final
   * failures updated since `since`, and the p95 latency of the confirmations.
   */
  outcomesPerBucket(systems: string[], bucketSeconds: number, since: Date): Promise<BucketOutcomes[]> {
    return this.db.query(
      `SELECT system, date_bin(make_interval(secs => $2), updated_at, $3::timestamptz) AS bucket,
                count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
                count(*) FILTER (WHERE status = 'failed')::int AS failed,
                ${P95} FILTER (WHERE status = 'confirmed') AS p95
           FROM delivery
          WHERE ${DELIVERED} AND status IN ('confirmed', 'failed') AND updated_at >= $3
          GROUP BY 1, 2`,
      [systems, bucketSeconds, since],
    );
  }

  /**
   * Per system with deliveries in the last hour: confirmations in the last minute, p95 latency
   * over the last 15 minutes, and confirmations and final failures of the hour.
   */
  async lastHour(systems: string[]): Promise<HourFigures[]> {
    const rows = await this.db.query<
      Array<{ system: string; last_minute: number; p95: number | null; confirmed: number; failed: number }>
    >(
      `SELECT system,
                count(*) FILTER (WHERE status = 'confirmed' AND updated_at >= now() - interval '1 minute')::int AS last_minute,
                ${P95} FILTER (WHERE status = 'confirmed' AND updated_at >= now() - interval '15 minutes') AS p95,
                count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
                count(*) FILTER (WHERE status = 'failed')::int AS failed
           FROM delivery
          WHERE ${DELIVERED} AND updated_at >= now() - interval '1 hour'
          GROUP BY system`,
      [systems],
    );
    return rows.map((r) => ({
      system: r.system,
      lastMinute: r.last_minute,
      p95: r.p95,
      confirmed: r.confirmed,
      failed: r.failed,
    }));
  }

  /**
   * The systems whose last `attempts` attempted deliveries (within the hour) all ended in a
   * temporary error. A system with fewer attempts than that is not down.
   */
  async down(systems: string[], attempts: number): Promise<string[]> {
    const rows = await this.db.query<Array<{ system: string; down: boolean }>>(
      `SELECT s.system, count(*) = $2 AND bool_and(d.error_kind IS NOT DISTINCT FROM 'temporary') AS down
           FROM unnest($1::text[]) AS s(system)
           CROSS JOIN LATERAL (
             SELECT error_kind FROM delivery
              WHERE system = s.system AND ${IS_DELIVERY}
                AND attempts > 0 AND updated_at >= now() - interval '1 hour'
              ORDER BY updated_at DESC LIMIT $2) d
          GROUP BY s.system`,
      [systems, attempts],
    );
    return rows.filter((r) => r.down).map((r) => r.system);
  }
}
